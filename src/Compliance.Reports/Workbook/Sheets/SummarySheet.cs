using Compliance.Reports.Facts;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>The run at a glance, with every incomplete source named (the PDF's summary page in rows).</summary>
internal static class SummarySheet
{
    public static SheetTable Build(WorkbookContext context, IReadOnlyList<SheetTable> others)
    {
        var document = context.Document;
        var styles = context.Styles;
        var run = document.Run;
        var evaluation = document.Evaluation;
        var sheet = new SheetTable(SummaryItems.SheetName, ["Item", "Value"]);
        sheet.Add(SheetValue.Text("Tenant"), SheetValue.Text(run.Tenant));
        sheet.Add(SheetValue.Text("Tenant id"), SheetValue.Text(run.TenantId));
        sheet.Add(SheetValue.Text("Period"), SheetValue.Text(run.Period));
        sheet.Add(SheetValue.Text("Run id"), SheetValue.Text(run.Id));
        sheet.Add(SheetValue.Text("Run status"), SheetValue.Text(ContractNames.Of(run.Status)));
        sheet.Add(SheetValue.Text("Started at (UTC)"), SheetValue.Date(run.StartedAt, styles.Date));
        sheet.Add(SheetValue.Text(SummaryItems.CompletedAt), SheetValue.Date(run.CompletedAt, styles.Date));
        sheet.Add(SheetValue.Text("Evidence as of (UTC)"), SheetValue.Date(document.Evidence.AsOf, styles.Date));
        sheet.Add(SheetValue.Text("Overall result"), SheetValue.Text(ReportFormat.OverallResult(evaluation)));
        foreach (var outcome in Enum.GetValues<ControlOutcome>())
        {
            sheet.Add(SheetValue.Text($"Controls {ContractNames.Of(outcome)}"),
                SheetValue.Number(evaluation.Controls.Count(c => c.Outcome == outcome)));
        }

        sheet.Add(SheetValue.Text("Findings"), SheetValue.Number(evaluation.Findings.Count));
        foreach (var severity in Enum.GetValues<Severity>().OrderDescending())
        {
            sheet.Add(SheetValue.Text($"Findings {ContractNames.Of(severity)}"),
                SheetValue.Number(evaluation.Findings.Count(f => f.Finding.Severity == severity)));
        }

        sheet.Add(SheetValue.Text("Findings new or reopened"),
            SheetValue.Number(evaluation.Findings.Count(f => f.Status is FindingStatus.New or FindingStatus.Reopened)));
        sheet.Add(SheetValue.Text("Findings resolved since previous run"), SheetValue.Number(document.ResolvedFindings.Count));
        sheet.Add(SheetValue.Text(SummaryItems.Attestation), SheetValue.Text(document.Attestation is { } a
            ? SummaryItems.AttestedBy(a.Reviewer, a.AttestedAt) : "not yet attested"));
        sheet.Add(SheetValue.Text("Sources not collected"),
            SheetValue.Number(document.Evidence.Sources.Count(s => s.State == SourceState.NotCollected)));
        foreach (var source in document.Evidence.Sources.Where(s => s.State != SourceState.Collected))
        {
            sheet.Add(SheetValue.Text($"Incomplete source: {source.Name}", styles.Notice),
                SheetValue.Text($"{ContractNames.Of(source.State)}: {source.Reason ?? "no reason recorded"}", styles.Notice));
        }

        foreach (var source in document.Evidence.Sources.Where(s => s.State == SourceState.Collected))
        {
            if (SourceNotice.ShortCoverage(document.Evidence, source) is { } coverage)
            {
                sheet.Add(SheetValue.Text($"Short coverage: {source.Name}", styles.Notice), SheetValue.Text(coverage + " (GOV-004)", styles.Notice));
            }
        }

        // Notes of the other sheets (truncation, missing sources) repeated here, where a reader starts.
        foreach (var other in others)
        {
            foreach (var note in other.Notes)
            {
                sheet.Add(SheetValue.Text($"Note on sheet {other.Name}", styles.Notice), SheetValue.Text(note, styles.Notice));
            }
        }

        return sheet;
    }
}
