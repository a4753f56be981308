using Compliance.Rules.Evidence;

namespace Compliance.Reports.Facts;

/// <summary>
/// The sentence a reader needs when a section's evidence is missing. Every section that renders a
/// source asks here first, so an empty table never stands for "nothing found" when it means "not looked".
/// </summary>
internal static class SourceNotice
{
    /// <summary>Null when the source was fully collected; otherwise what a reader must be told.</summary>
    public static string? Missing(EvidenceSnapshot evidence, string source)
    {
        var result = evidence.Source(source);
        if (result is null)
        {
            return $"Source '{source}' was not collected in this run (not part of its evidence).";
        }

        return result.State switch
        {
            SourceState.Collected => null,
            SourceState.Partial => $"Source '{source}' was only partially collected: {result.Reason ?? "no reason recorded"}. Figures below are lower bounds.",
            _ => $"Source '{source}' was not collected: {result.Reason ?? "no reason recorded"}.",
        };
    }

    /// <summary>
    /// The completeness tables' reason for a source: why it is not (fully) collected, and — for an activity source
    /// whose logs begin after the review period's start (GOV-004's "retention too short") — where they begin and how
    /// that was found, so a reader sees the gap next to the source and not only in the findings.
    /// </summary>
    public static string Remark(EvidenceSnapshot evidence, SourceResult source) =>
        string.Join("; ", new[] { source.Reason, ShortCoverage(evidence, source) }.Where(part => !string.IsNullOrEmpty(part)));

    /// <summary>Null unless the source's logs begin more than a day after the review period's start (GOV-004's threshold).</summary>
    public static string? ShortCoverage(EvidenceSnapshot evidence, SourceResult source)
    {
        var periodStart = evidence.PeriodStart ?? evidence.WindowStart;
        return source.CoverageStart is { } start && periodStart is { } period && start > period.AddDays(1)
            ? $"covers only since {start:yyyy-MM-dd HH:mm} UTC, not the whole period from {period:yyyy-MM-dd}{(source.CoverageNote is { } note ? $" ({note})" : "")}"
            : null;
    }

    /// <summary>True when rows of the source exist to show (collected, or partial with what was fetched).</summary>
    public static bool HasData(EvidenceSnapshot evidence, string source) =>
        evidence.Source(source) is { State: SourceState.Collected or SourceState.Partial };
}
