namespace Compliance.Rules.Engine;

/// <summary>The outcome of one control in one run; <see cref="Reason"/> says why it was not evaluated.</summary>
public sealed record ControlResult(
    RuleMetadata Rule,
    ControlOutcome Outcome,
    int Population,
    int Failures,
    string? Reason);
