namespace Compliance.Reports.Workbook.Sheets;

/// <summary>Every waiver relevant to the run, its state coloured, with days left measured from the run's AsOf.</summary>
internal static class WaiversSheet
{
    public static SheetTable Build(WorkbookContext context)
    {
        var styles = context.Styles;
        var asOf = context.Document.Evidence.AsOf;
        var sheet = new SheetTable("Waivers",
            ["Waiver", "Control", "Resource id", "Fingerprint", "State", "Reason", "Approver", "Ticket", "Created (UTC)", "Until (UTC)", "Days left"]);
        foreach (var w in context.Document.Waivers)
        {
            sheet.Add(
                SheetValue.Text(w.Id),
                SheetValue.Text(w.RuleId),
                SheetValue.Text(w.ResourceId),
                SheetValue.Text(w.Fingerprint),
                SheetValue.Text(w.State, styles.ForWaiver(w.State)),
                SheetValue.Text(w.Reason),
                SheetValue.Text(w.Approver),
                SheetValue.Text(w.Ticket),
                SheetValue.Date(w.CreatedAt, styles.Date),
                SheetValue.Date(w.Until, styles.Date),
                SheetValue.Number(Math.Round((w.Until - asOf).TotalDays, 1), styles.OneDecimal));
        }

        return sheet;
    }
}
