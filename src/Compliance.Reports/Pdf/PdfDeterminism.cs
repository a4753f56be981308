using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Compliance.Reports.Pdf;

/// <summary>
/// PDFsharp 6.2.4 puts three random values into every file: the six-letter font subset tags
/// (/ABCDEF+DejaVuSans) and the XMP DocumentID / InstanceID uuids; it offers no option to seed them.
/// The attestation chain hashes the PDF, so the same run must give the same bytes. Each random token is
/// replaced by one of the same length derived from a seed, so the cross-reference offsets stay valid.
/// All three live in uncompressed objects (font dictionaries, the XMP metadata stream).
/// </summary>
internal static partial class PdfDeterminism
{
    /// <summary>The seed of one run's PDF; PDFsharp otherwise puts a random GUID in the trailer /ID as well.</summary>
    public static string Seed(string tenant, string period, string runId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant}\n{period}\n{runId}"));
        return Encoding.Latin1.GetString(hash, 0, 16);
    }

    public static byte[] Normalise(byte[] pdf, string seed)
    {
        // Latin-1 maps every byte to one char and back, so binary streams survive the round trip.
        var text = Encoding.Latin1.GetString(pdf);

        var tags = SubsetTagPattern().Matches(text).Select(m => m.Groups["tag"].Value).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < tags.Count; i++)
        {
            text = text.Replace($"/{tags[i]}+", $"/{Tag(seed, i)}+", StringComparison.Ordinal);
        }

        var index = 0;
        text = XmpUuidPattern().Replace(text, match => match.Groups["key"].Value + Uuid(seed, index++));

        return Encoding.Latin1.GetBytes(text);
    }

    private static string Tag(string seed, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\nfont\n{index}"));
        return new string([.. hash.Take(6).Select(b => (char)('A' + (b % 26)))]);
    }

    private static string Uuid(string seed, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\nxmp\n{index}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    [GeneratedRegex(@"/(?:FontName|BaseFont)/(?<tag>[A-Z]{6})\+", RegexOptions.CultureInvariant)]
    private static partial Regex SubsetTagPattern();

    [GeneratedRegex(@"(?<key><xmpMM:(?:DocumentID|InstanceID)>uuid:)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex XmpUuidPattern();
}
