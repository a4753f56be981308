using Compliance.Reports.Workbook;
using Compliance.Rules.Review;
using SpreadCheetah;
using SpreadCheetah.Metadata;

namespace Compliance.Reports;

/// <summary>
/// The review workbook: Summary, Controls, Findings, Applications, Credentials, Permissions, Sources.
/// Every sheet has a styled, frozen header row with an autofilter, so a reviewer can slice the data
/// without preparing it first.
/// </summary>
public sealed class ReviewWorkbookWriter
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API: the composition root creates and injects writers.")]
    public async Task WriteAsync(ReviewDocument document, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        var run = document.Run;
        var options = new SpreadCheetahOptions
        {
            DocumentProperties = new DocumentProperties
            {
                Title = $"Compliance review {run.Tenant} {run.Period}",
                Subject = $"Run {run.Id}",
                Author = "Compliance",
            },
        };

        // Buffered so the package can be made reproducible (WorkbookDeterminism); a review workbook is a
        // few MB at most, the sheets themselves are still written row by row.
        using var buffer = new MemoryStream();
        var spreadsheet = await Spreadsheet.CreateNewAsync(buffer, options, ct);
        await using (spreadsheet)
        {
            var styles = new WorkbookStyles(spreadsheet);
            foreach (var sheet in WorkbookSheets.Build(document, styles))
            {
                await sheet.WriteAsync(spreadsheet, styles.Header, ct);
            }

            await spreadsheet.FinishAsync(ct);
        }

        buffer.Position = 0;
        await WorkbookDeterminism.RewriteAsync(buffer, output, run.CompletedAt, ct);
    }
}
