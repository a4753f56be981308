using Compliance.Reports.Facts;
using Compliance.Reports.Workbook;
using Compliance.Rules.Review;
using SpreadCheetah;
using SpreadCheetah.Metadata;

namespace Compliance.Reports;

/// <summary>
/// The review workbook: Summary, Controls, Findings, Integrations, Scope, Permissions, Credentials, SignIns
/// (+ raw), MessageTrace (+ raw), MailboxAudit, Waivers, Completeness. Every sheet has a styled, frozen
/// header row with an autofilter, so a reviewer can slice the data without preparing it first.
/// </summary>
public sealed class ReviewWorkbookWriter
{
    /// <summary>Excel's row limit (1,048,576) less the header row and one row for the truncation note.</summary>
    public const int ExcelMaxDataRows = 1_048_574;

    private readonly int _maxDataRows;

    public ReviewWorkbookWriter()
        : this(ExcelMaxDataRows)
    {
    }

    /// <summary>A lower row limit, for tests of the truncation note without writing a million rows.</summary>
    internal ReviewWorkbookWriter(int maxDataRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDataRows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDataRows, ExcelMaxDataRows);
        _maxDataRows = maxDataRows;
    }

    public async Task WriteAsync(ReviewDocument document, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        var run = document.Run;
        var options = new SpreadCheetahOptions
        {
            // The package is recompressed by WorkbookDeterminism, so the first pass only needs to be quick.
            CompressionLevel = SpreadCheetahCompressionLevel.Fastest,
            DocumentProperties = new DocumentProperties
            {
                Title = $"Compliance review {run.Tenant} {run.Period}",
                Subject = $"Run {run.Id}",
                Author = "Compliance",
            },
        };

        // SpreadCheetah stamps the wall clock into the package (see WorkbookDeterminism), so it is written
        // to a temporary file and then copied entry by entry with the run's date. A file, not a MemoryStream:
        // the large tenant's workbook is hundreds of MB uncompressed and memory must stay flat.
        // DeleteOnClose does not survive SIGKILL: buffers of killed writers are swept first (never a live one).
        StaleTemporaryFiles.Sweep(Path.GetTempPath(), "compliance-*.xlsx.tmp");
        var tempPath = Path.Combine(Path.GetTempPath(), $"compliance-{Path.GetRandomFileName()}.xlsx.tmp");
        var buffer = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (buffer)
        {
            var spreadsheet = await Spreadsheet.CreateNewAsync(buffer, options, ct);
            await using (spreadsheet)
            {
                var styles = new WorkbookStyles(spreadsheet);
                var activity = ActivityIndex.For(document);
                var context = new WorkbookContext(document, styles, activity, IntegrationCatalog.Build(document, activity), _maxDataRows);
                foreach (var sheet in WorkbookSheets.Build(context))
                {
                    await sheet.WriteAsync(spreadsheet, styles.Header, ct);
                }

                await spreadsheet.FinishAsync(ct);
            }

            buffer.Position = 0;
            await WorkbookDeterminism.RewriteAsync(buffer, output, run.CompletedAt, ct);
        }
    }
}
