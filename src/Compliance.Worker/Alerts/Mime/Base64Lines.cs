using System.Text;

namespace Compliance.Worker.Alerts.Mime;

/// <summary>
/// Base64 in lines of at most 76 characters, each ended by CRLF — the limit RFC 2045 §6.8 sets for the
/// base64 Content-Transfer-Encoding ("encoded lines must not be longer than 76 characters").
/// </summary>
internal static class Base64Lines
{
    private const int LineLength = 76;

    public static void Append(StringBuilder target, ReadOnlySpan<byte> content)
    {
        var encoded = Convert.ToBase64String(content);
        for (var start = 0; start < encoded.Length; start += LineLength)
        {
            target.Append(encoded.AsSpan(start, Math.Min(LineLength, encoded.Length - start))).Append("\r\n");
        }
    }
}
