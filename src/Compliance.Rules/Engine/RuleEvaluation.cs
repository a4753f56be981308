namespace Compliance.Rules.Engine;

/// <summary>
/// What a rule found: how many resources it tested (auditors ask "what was tested") and the failures.
/// </summary>
public sealed record RuleEvaluation(int Population, IReadOnlyList<Finding> Findings)
{
    public static RuleEvaluation Of(int population, IEnumerable<Finding> findings) => new(population, findings.ToList());
}
