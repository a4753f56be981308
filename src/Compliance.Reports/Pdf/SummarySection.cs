using System.Globalization;
using Compliance.Rules.Engine;
using Compliance.Rules.Review;

namespace Compliance.Reports.Pdf;

/// <summary>Every control with its outcome, and the findings counted by severity.</summary>
internal static class SummarySection
{
    private static readonly TableColumn[] ControlColumns =
    [
        new("Control", 1.1), new("Title", 4.2), new("Severity", 1.1), new("Outcome", 1.3),
        new("Population", 1.1), new("Failures", 1.0),
    ];

    private static readonly TableColumn[] SeverityColumns = [new("Severity", 1), new("Findings", 1)];

    public static void Render(LayoutCursor cursor, ReviewDocument document)
    {
        var theme = cursor.Theme;
        cursor.NewPage(landscape: false);
        cursor.Heading("Summary");
        cursor.Paragraph(ReportFormat.OverallResult(document.Evaluation), theme.BodyBold, theme.Text);
        cursor.Advance(6);

        new PdfTable(ControlColumns).Render(cursor, document.Evaluation.Controls.Select(ControlRow));

        cursor.Advance(10);
        cursor.EnsureSpace(120);
        cursor.Paragraph("Findings by severity", theme.SubHeading, theme.Text);
        cursor.Advance(4);
        var counts = Enum.GetValues<Severity>()
            .OrderByDescending(s => s)
            .Select(s => (IReadOnlyList<TableCell>)
            [
                new TableCell(ContractNames.Of(s), ReportPalette.For(s)),
                Count(document.Evaluation.Findings.Count(f => f.Finding.Severity == s)),
            ]);
        new PdfTable(SeverityColumns).Render(cursor, counts);
    }

    private static IReadOnlyList<TableCell> ControlRow(ControlResult control) =>
    [
        control.Rule.Id,
        control.Rule.Title,
        new TableCell(ContractNames.Of(control.Rule.DefaultSeverity), ReportPalette.For(control.Rule.DefaultSeverity)),
        new TableCell(ContractNames.Of(control.Outcome), ReportPalette.For(control.Outcome)),
        Count(control.Population),
        Count(control.Failures),
    ];

    private static TableCell Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
