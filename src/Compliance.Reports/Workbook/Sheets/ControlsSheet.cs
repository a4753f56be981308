namespace Compliance.Reports.Workbook.Sheets;

/// <summary>Every control with its outcome and, when not evaluated, why.</summary>
internal static class ControlsSheet
{
    public static SheetTable Build(WorkbookContext context)
    {
        var styles = context.Styles;
        var sheet = new SheetTable("Controls", ["Control", "Title", "Severity", "Outcome", "Population", "Failures", "Reason", "Evidence sources"]);
        foreach (var c in context.Document.Evaluation.Controls)
        {
            sheet.Add(
                SheetValue.Text(c.Rule.Id),
                SheetValue.Text(c.Rule.Title),
                SheetValue.Text(ContractNames.Of(c.Rule.DefaultSeverity), styles.For(c.Rule.DefaultSeverity)),
                SheetValue.Text(ContractNames.Of(c.Outcome), styles.For(c.Outcome)),
                SheetValue.Number(c.Population),
                SheetValue.Number(c.Failures),
                SheetValue.Text(c.Reason),
                SheetValue.Text(string.Join(", ", c.Rule.EvidenceSources)));
        }

        return sheet;
    }
}
