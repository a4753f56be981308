using Compliance.Rules.Engine;
using SpreadCheetah.Styling;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>Every finding of the run, then the ones resolved since the previous run (status "resolved").</summary>
internal static class FindingsSheet
{
    public static SheetTable Build(WorkbookContext context)
    {
        var styles = context.Styles;
        var sheet = new SheetTable("Findings",
        [
            "Severity", "Control", "Status", "Resource type", "Resource id", "Resource name", "Integration",
            "Detail", "Remediation", "Evidence", "Qualifier", "Fingerprint",
        ]);
        foreach (var tracked in context.Document.Evaluation.Findings)
        {
            sheet.Add(Row(tracked.Finding, SheetValue.Text(ContractNames.Of(tracked.Status), styles.For(tracked.Status)), styles.For(tracked.Finding.Severity)));
        }

        foreach (var f in context.Document.ResolvedFindings)
        {
            sheet.Add(Row(f, SheetValue.Text("resolved"), styles.For(f.Severity)));
        }

        return sheet;
    }

    private static SheetValue[] Row(Finding f, SheetValue status, StyleId severityStyle) =>
    [
        SheetValue.Text(ContractNames.Of(f.Severity), severityStyle),
        SheetValue.Text(f.RuleId),
        status,
        SheetValue.Text(f.ResourceType),
        SheetValue.Text(f.ResourceId),
        SheetValue.Text(f.ResourceName),
        SheetValue.Text(f.Integration),
        SheetValue.Text(f.Detail),
        SheetValue.Text(f.Remediation),
        SheetValue.Text(string.Join("; ", f.Evidence)),
        SheetValue.Text(f.Qualifier),
        SheetValue.Text(f.Fingerprint),
    ];
}
