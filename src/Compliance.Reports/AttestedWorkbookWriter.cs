using System.IO.Compression;
using Compliance.Reports.Workbook;

namespace Compliance.Reports;

/// <summary>
/// `attest` fills in the attestation on the run's published workbook, as AttestedPdfWriter does on the PDF: only the
/// Summary sheet's part is rewritten (AttestedSummarySheet); every other part of the package keeps its content, entry
/// order and timestamp (the run's completion time), so the output is the same for the same inputs. Streamed from
/// stream to stream: the large tenant's workbook never sits in memory.
/// </summary>
public static class AttestedWorkbookWriter
{
    public static async Task FillAsync(Stream publishedWorkbook, Stream output, AttestedRun run, AttestationPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(publishedWorkbook);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(page);

        var source = new ZipArchive(publishedWorkbook, ZipArchiveMode.Read, leaveOpen: true);
        await using (source)
        {
            var summary = await WorkbookParts.SheetEntryAsync(source, SummaryItems.SheetName, ct);
            await WorkbookPackage.CopyAsync(source, output, entry => entry.LastWriteTime, summary,
                (from, to, token) => AttestedSummarySheet.RewriteAsync(from, to, run, page, token), ct);
        }
    }
}
