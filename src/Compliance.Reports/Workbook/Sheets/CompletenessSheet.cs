using Compliance.Reports.Facts;
using Compliance.Rules.Engine;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>Each source with status, record counts, request accounting (requests, pages, retries, 429s), and the controls left not evaluated because of it.</summary>
internal static class CompletenessSheet
{
    public static SheetTable Build(WorkbookContext context)
    {
        var styles = context.Styles;
        var document = context.Document;
        var sheet = new SheetTable("Completeness",
            ["Source", "Status", "Records", "Requests", "Pages", "Retries", "Throttled (429)", "Duration (ms)", "Reason", "Controls not evaluated"]);
        foreach (var s in document.Evidence.Sources)
        {
            var affected = document.Evaluation.Controls
                .Where(c => c.Outcome == ControlOutcome.NotEvaluated && c.Rule.EvidenceSources.Contains(s.Name, StringComparer.Ordinal))
                .Select(c => c.Rule.Id);
            sheet.Add(
                SheetValue.Text(s.Name),
                SheetValue.Text(ContractNames.Of(s.State), styles.For(s.State)),
                SheetValue.Number(s.Records),
                SheetValue.Number(s.Requests),
                SheetValue.Number(s.Pages),
                SheetValue.Number(s.Retries),
                SheetValue.Number(s.Throttled),
                SheetValue.Number(s.DurationMs),
                SheetValue.Text(SourceNotice.Remark(document.Evidence, s)),
                SheetValue.Text(string.Join(", ", affected)));
        }

        return sheet;
    }
}
