namespace Compliance.Rules.Engine;

/// <summary>Everything a reviewer needs to know about a control, kept in code beside the rule.</summary>
public sealed record RuleMetadata(
    string Id,
    string Title,
    Severity DefaultSeverity,
    string Rationale,
    string Remediation,
    IReadOnlyList<RuleReference> References,
    IReadOnlyList<string> EvidenceSources)
{
    /// <summary>True for a control that judges the sources' own status (GOV-004), so it runs whatever was collected.</summary>
    public bool JudgesSourceStatus { get; init; }
}
