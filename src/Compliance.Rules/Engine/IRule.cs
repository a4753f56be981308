using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Engine;

/// <summary>
/// A control. Pure: reads the snapshot and the policy, no I/O, no clock (use <see cref="EvidenceSnapshot.AsOf"/>).
/// It is only called when every source in <see cref="RuleMetadata.EvidenceSources"/> was collected.
/// </summary>
public interface IRule
{
    RuleMetadata Metadata { get; }

    RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived);
}
