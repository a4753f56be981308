namespace Compliance.Rules.Engine;

/// <summary>
/// What a rule found: how many resources it tested (auditors ask "what was tested") and the failures.
/// </summary>
public sealed record RuleEvaluation(int Population, IReadOnlyList<Finding> Findings, string? NotEvaluatedReason = null)
{
    public static RuleEvaluation Of(int population, IEnumerable<Finding> findings) => new(population, findings.ToList());

    /// <summary>The evidence was collected but cannot support a conclusion (e.g. logs cover too short a period).</summary>
    public static RuleEvaluation NotEvaluated(string reason) => new(0, [], reason);
}
