using System.Text;

namespace Compliance.Worker.Alerts.Mime;

/// <summary>
/// Header text as RFC 2047 encoded-words when it is not printable ASCII or would make the line longer than the 78
/// characters RFC 5322 §2.1.1 asks for: "=?utf-8?B?...?=" words of 68 characters (RFC 2047 §2 allows 75), separated by
/// CRLF + space (folding, RFC 5322 §2.2.3), a UTF-8 sequence never split across two words (RFC 2047 §5: each
/// encoded-word must decode to whole characters).
/// </summary>
internal static class EncodedWord
{
    private const string Prefix = "=?utf-8?B?";
    private const string Suffix = "?=";

    private const int MaxLine = 78;

    // 42 bytes are 56 base64 characters: a 68-character word, which fits after "Subject: " within 78.
    private const int MaxBytesPerWord = 42;

    /// <summary>The value of the field <paramref name="fieldName"/>, folded as needed.</summary>
    public static string Encode(string fieldName, string text)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(text);
        if (text.All(c => c is >= ' ' and <= '~') && fieldName.Length + 2 + text.Length <= MaxLine)
        {
            return text;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var words = new List<string>();
        for (var start = 0; start < bytes.Length;)
        {
            var length = Math.Min(MaxBytesPerWord, bytes.Length - start);
            // Step back over continuation bytes (10xxxxxx) so the word ends on a character boundary.
            while (start + length < bytes.Length && (bytes[start + length] & 0xC0) == 0x80)
            {
                length--;
            }

            words.Add(Prefix + Convert.ToBase64String(bytes, start, length) + Suffix);
            start += length;
        }

        return string.Join("\r\n ", words);
    }
}
