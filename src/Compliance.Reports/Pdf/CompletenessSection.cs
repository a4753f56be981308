using System.Globalization;
using Compliance.Reports.Facts;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Review;

namespace Compliance.Reports.Pdf;

/// <summary>What evidence the run had and which controls could not be evaluated — the limits of the verdict.</summary>
internal static class CompletenessSection
{
    private static readonly TableColumn[] SourceColumns =
    [
        new("Source", 2.0), new("Status", 1.0), new("Records", 0.8), new("Requests", 0.95), new("Pages", 0.6),
        new("Retries", 0.75), new("429s", 0.5), new("Duration", 0.95), new("Reason", 2.25),
    ];

    private static readonly TableColumn[] NotEvaluatedColumns = [new("Control", 1), new("Title", 3), new("Reason", 4)];

    public static void Render(LayoutCursor cursor, ReviewDocument document)
    {
        var theme = cursor.Theme;
        cursor.NewPage(landscape: false);
        cursor.Heading("Data completeness");
        new PdfTable(SourceColumns).Render(cursor, document.Evidence.Sources.Select(s => SourceRow(document.Evidence, s)));

        cursor.Advance(10);
        cursor.EnsureSpace(80);
        cursor.Paragraph("Controls not evaluated", theme.SubHeading, theme.Text);
        cursor.Advance(4);
        var notEvaluated = document.Evaluation.Controls.Where(c => c.Outcome == ControlOutcome.NotEvaluated).ToList();
        if (notEvaluated.Count == 0)
        {
            cursor.Paragraph("Every control was evaluated.", theme.Body, theme.Text);
            return;
        }

        new PdfTable(NotEvaluatedColumns).Render(cursor, notEvaluated.Select(c => (IReadOnlyList<TableCell>)
            [c.Rule.Id, c.Rule.Title, c.Reason ?? "no reason recorded"]));
    }

    private static IReadOnlyList<TableCell> SourceRow(EvidenceSnapshot evidence, SourceResult source) =>
    [
        source.Name,
        new TableCell(ContractNames.Of(source.State), ReportPalette.For(source.State)),
        ReportFormat.Number(source.Records),
        source.Requests.ToString(CultureInfo.InvariantCulture),
        source.Pages.ToString(CultureInfo.InvariantCulture),
        source.Retries.ToString(CultureInfo.InvariantCulture),
        source.Throttled.ToString(CultureInfo.InvariantCulture),
        $"{(source.DurationMs / 1000.0).ToString("0.0", CultureInfo.InvariantCulture)} s",
        SourceNotice.Remark(evidence, source),
    ];
}
