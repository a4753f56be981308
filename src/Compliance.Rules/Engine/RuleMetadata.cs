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

    /// <summary>
    /// Sources the control reads when they were collected but can decide without (SIGN-002 and signInActivity): their
    /// absence never makes the control "not evaluated" by itself; the rule then falls back to what it has and says so.
    /// </summary>
    public IReadOnlyList<string> OptionalEvidenceSources { get; init; } = [];
}
