namespace Compliance.Rules.Engine;

/// <summary>Everything one evaluation produced: a result per control and the tracked findings.</summary>
public sealed record EvaluationResult(
    IReadOnlyList<ControlResult> Controls,
    IReadOnlyList<TrackedFinding> Findings,
    IReadOnlyList<string> ResolvedFingerprints);
