using System.IO.Compression;

namespace Compliance.Reports.Workbook;

/// <summary>
/// Copies an .xlsx package (a zip) entry by entry: same names, same order, the same deflate level, and one entry's
/// content passed through a rewrite. Every other entry's content is copied unchanged.
/// </summary>
internal static class WorkbookPackage
{
    public static async Task CopyAsync(
        ZipArchive source,
        Stream output,
        Func<ZipArchiveEntry, DateTimeOffset> entryTime,
        string rewrittenEntry,
        Func<Stream, Stream, CancellationToken, Task> rewrite,
        CancellationToken ct)
    {
        var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await using (target)
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = entryTime(entry);
                var from = await entry.OpenAsync(ct);
                await using (from)
                {
                    var to = await copy.OpenAsync(ct);
                    await using (to)
                    {
                        await (entry.FullName == rewrittenEntry ? rewrite(from, to, ct) : from.CopyToAsync(to, ct));
                    }
                }
            }
        }
    }
}
