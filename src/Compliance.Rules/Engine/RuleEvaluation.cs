namespace Compliance.Rules.Engine;

/// <summary>
/// What a rule found: how many resources it tested (auditors ask "what was tested") and the failures.
/// </summary>
public sealed record RuleEvaluation(int Population, IReadOnlyList<Finding> Findings, string? NotEvaluatedReason = null)
{
    /// <summary>
    /// Resources in the population that could not be judged (e.g. a malformed scope filter), each with the reason.
    /// With no finding, any undetermined resource makes the control <i>not evaluated</i> — never a pass.
    /// </summary>
    public IReadOnlyList<string> Undetermined { get; init; } = [];

    public static RuleEvaluation Of(int population, IEnumerable<Finding> findings, IEnumerable<string> undetermined) =>
        new(population, findings.ToList()) { Undetermined = undetermined.ToList() };

    public static RuleEvaluation Of(int population, IEnumerable<Finding> findings) => new(population, findings.ToList());

    /// <summary>The evidence was collected but cannot support a conclusion (e.g. logs cover too short a period).</summary>
    public static RuleEvaluation NotEvaluated(string reason) => new(0, [], reason);
}
