using Compliance.Reports.Facts;
using Compliance.Rules.Engine;
using Compliance.Rules.Review;

namespace Compliance.Reports.Pdf;

/// <summary>All findings, on landscape pages because detail and remediation need the width.</summary>
internal static class FindingsSection
{
    public static readonly TableColumn[] Columns =
    [
        new("Severity", 0.8), new("Control", 0.9), new("Resource", 1.7), new("Integration", 1.1),
        new("Detail", 3.4), new("Status", 0.9), new("Remediation", 2.6),
    ];

    public static void Render(LayoutCursor cursor, ReviewDocument document)
    {
        var theme = cursor.Theme;
        cursor.NewPage(landscape: true);
        cursor.Heading("Findings");
        var findings = document.Evaluation.Findings;
        if (findings.Count == 0)
        {
            cursor.Paragraph("No findings in this run (controls not evaluated are listed under Data completeness).", theme.Body, theme.Text);
        }
        else
        {
            cursor.Paragraph($"{ReportFormat.Number(findings.Count)} findings, in the order the evaluation reported them.", theme.Body, theme.Muted);
            cursor.Advance(4);
            new PdfTable(Columns).Render(cursor, findings.Select(Row));
        }

        Resolved(cursor, document);
    }

    /// <summary>What was fixed since the previous run: the other half of "new since last month".</summary>
    private static void Resolved(LayoutCursor cursor, ReviewDocument document)
    {
        var theme = cursor.Theme;
        cursor.SubHeading("Resolved since the previous run");
        if (document.ResolvedFindings.Count == 0)
        {
            cursor.Paragraph("No finding of the previous run has been resolved.", theme.Body, theme.Text);
            return;
        }

        new PdfTable([new("Severity", 0.8), new("Control", 0.9), new("Resource", 2.0), new("Integration", 1.1), new("Detail", 6.5)])
            .Render(cursor, document.ResolvedFindings.Select(f => (IReadOnlyList<TableCell>)
            [
                new TableCell(ContractNames.Of(f.Severity), ReportPalette.For(f.Severity)),
                f.RuleId,
                $"{f.ResourceName}\n{f.ResourceType}",
                FindingIntegration.Label(f.ResourceType, f.Integration),
                f.Detail,
            ]));
    }

    private static IReadOnlyList<TableCell> Row(TrackedFinding tracked)
    {
        var f = tracked.Finding;
        return
        [
            new TableCell(ContractNames.Of(f.Severity), ReportPalette.For(f.Severity)),
            f.RuleId,
            $"{f.ResourceName}\n{f.ResourceType}",
            FindingIntegration.Label(f.ResourceType, f.Integration),
            f.Detail,
            new TableCell(ContractNames.Of(tracked.Status), ReportPalette.For(tracked.Status)),
            f.Remediation,
        ];
    }
}
