using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Compliance.Reports.Workbook;

/// <summary>
/// SpreadCheetah stamps the wall clock into docProps/core.xml (dcterms:created) and into every zip
/// entry's timestamp, and offers no way to pass a date. The documents must carry only the run's dates
/// and be reproducible (the manifest hashes them), so the package is re-written: same entries, same
/// order, the created date and entry times set to the run's completion time.
/// </summary>
internal static partial class WorkbookDeterminism
{
    private const string CorePropertiesEntry = "docProps/core.xml";

    public static async Task RewriteAsync(Stream package, Stream output, DateTimeOffset created, CancellationToken ct)
    {
        // Zip timestamps are local DOS times without an offset; UTC keeps them independent of the host.
        var stamp = new DateTimeOffset(created.UtcDateTime, TimeSpan.Zero);
        var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        await using (source)
        {
            await WorkbookPackage.CopyAsync(source, output, _ => stamp, CorePropertiesEntry,
                (from, to, token) => WriteCorePropertiesAsync(from, to, stamp, token), ct);
        }
    }

    private static async Task WriteCorePropertiesAsync(Stream from, Stream to, DateTimeOffset stamp, CancellationToken ct)
    {
        using var reader = new StreamReader(from, Encoding.UTF8);
        var xml = await reader.ReadToEndAsync(ct);
        var date = stamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        xml = CreatedPattern().Replace(xml, m => m.Groups["open"].Value + date + m.Groups["close"].Value);
        await to.WriteAsync(new UTF8Encoding(false).GetBytes(xml), ct);
    }

    [GeneratedRegex(@"(?<open><dcterms:created[^>]*>)[^<]*(?<close></dcterms:created>)", RegexOptions.CultureInvariant)]
    private static partial Regex CreatedPattern();
}
