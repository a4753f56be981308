using Compliance.Rules.Scope;

namespace Compliance.Rules.Engine;

/// <summary>Everything one evaluation produced: a result per control and the tracked findings.</summary>
public sealed record EvaluationResult(
    IReadOnlyList<ControlResult> Controls,
    IReadOnlyList<TrackedFinding> Findings,
    IReadOnlyList<string> ResolvedFingerprints)
{
    /// <summary>The effective send-as set of every mail-capable app (empty when the evidence did not allow it).</summary>
    public IReadOnlyList<EffectiveSendAsScope> Scopes { get; init; } = [];
}
