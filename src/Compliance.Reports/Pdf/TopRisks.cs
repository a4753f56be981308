using Compliance.Reports.Facts;
using Compliance.Rules.Engine;
using Compliance.Rules.Review;

namespace Compliance.Reports.Pdf;

/// <summary>
/// One sentence per failing control, worst first: what fails and where. A reviewer with five minutes
/// reads only this, so it names resources rather than counting them where it can.
/// </summary>
internal static class TopRisks
{
    private const int MaxRisks = 5;
    private const int MaxNames = 3;

    public static IReadOnlyList<string> Sentences(ReviewDocument document)
    {
        var open = document.Evaluation.Findings.Where(f => f.Status != FindingStatus.Waived).ToList();
        return [.. open
            .GroupBy(f => f.Finding.RuleId, StringComparer.Ordinal)
            .Select(g => (RuleId: g.Key, Findings: g.ToList(), Severity: g.Max(f => f.Finding.Severity)))
            .OrderByDescending(g => g.Severity)
            .ThenBy(g => g.Findings.Min(f => IntegrationCatalog.Urgency(f.Status)))
            .ThenByDescending(g => g.Findings.Count)
            .ThenBy(g => g.RuleId, StringComparer.Ordinal)
            .Take(MaxRisks)
            .Select(g => Sentence(document, g.RuleId, g.Severity, g.Findings))];
    }

    private static string Sentence(ReviewDocument document, string ruleId, Severity severity, List<TrackedFinding> findings)
    {
        var title = document.Evaluation.Controls.FirstOrDefault(c => c.Rule.Id == ruleId)?.Rule.Title ?? ruleId;
        var names = findings.Select(f => f.Finding.ResourceName).Distinct(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", names.Take(MaxNames));
        var more = names.Count > MaxNames ? $" and {ReportFormat.Number(names.Count - MaxNames)} more" : string.Empty;
        var added = findings.Count(f => f.Status is FindingStatus.New or FindingStatus.Reopened);
        var change = added > 0 ? $", {ReportFormat.Number(added)} new or reopened" : string.Empty;
        return $"{ContractNames.Of(severity)} — {ruleId} \"{title}\" fails for {shown}{more} ({ReportFormat.Plural(findings.Count, "finding")}{change}).";
    }
}
