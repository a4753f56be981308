using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Governance;

/// <summary>GOV-003: the tenant's last attested review is younger than Policy:ReviewIntervalDays.</summary>
public sealed class ReviewOnTime : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "GOV-003",
        Title: "Review on time",
        DefaultSeverity: Severity.Medium,
        Rationale: "The runbook's assurance is the monthly review: a reviewer reads the report and signs it. A missed review means findings " +
                   "are nobody's decision and the evidence chain has a gap.",
        Remediation: "Review the latest report and attest it: compliance attest --run <run id> --reviewer <upn>.",
        References: [References.Runbook("step 7 — monthly review and sign-off")],
        EvidenceSources: [EvidenceSources.Attestations]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var last = evidence.LastAttestation;
        if (last is not null && (evidence.AsOf - last.AttestedAt).TotalDays <= policy.ReviewIntervalDays)
        {
            return RuleEvaluation.Of(1, []);
        }

        var detail = last is null
            ? "No review of this tenant has ever been attested."
            : $"The last attested review (run {last.RunId}, by {last.Reviewer}) was on {last.AttestedAt:yyyy-MM-dd}, " +
              $"{(int)(evidence.AsOf - last.AttestedAt).TotalDays} days ago; the policy allows {policy.ReviewIntervalDays}.";
        return RuleEvaluation.Of(1, [new Finding(
            Metadata.Id, Metadata.DefaultSeverity, "tenant", evidence.Tenant, evidence.Tenant, null, detail, Metadata.Remediation,
            [last is null ? "no attestation on record" : $"attestation of run {last.RunId} at {last.AttestedAt:O}"])]);
    }
}
