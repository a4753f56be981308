using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Governance;

/// <summary>GOV-001: every register entry names its owner, vendor, business function and change ticket.</summary>
public sealed class RegisterComplete : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "GOV-001",
        Title: "Register complete",
        DefaultSeverity: Severity.Low,
        Rationale: "An integration nobody owns is never reviewed, rotated or removed. The runbook records for each application " +
                   "its owner, vendor, business function and the change that approved it.",
        Remediation: "Fill in the missing fields of the entry in appsettings.json Integrations:<tenant> (Owner, Vendor, BusinessFunction, Ticket).",
        References: [References.Runbook("step 1 — register the integration")],
        EvidenceSources: [EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var findings = new List<Finding>();
        foreach (var entry in evidence.Integrations)
        {
            var missing = new (string Field, string? Value)[]
                {
                    ("Owner", entry.Owner), ("Vendor", entry.Vendor), ("BusinessFunction", entry.BusinessFunction), ("Ticket", entry.Ticket),
                }
                .Where(f => string.IsNullOrWhiteSpace(f.Value))
                .Select(f => f.Field)
                .ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var principal = evidence.ServicePrincipalByAppId(entry.AppId);
            findings.Add(new Finding(
                RuleId: Metadata.Id,
                Severity: Metadata.DefaultSeverity,
                ResourceType: "integration",
                ResourceId: entry.AppId,
                ResourceName: principal?.DisplayName ?? entry.Name,
                Integration: entry.Name,
                Detail: $"The register entry '{entry.Name}' has no {string.Join(", ", missing)}.",
                Remediation: Metadata.Remediation,
                Evidence: [$"register entry {entry.Name} ({entry.AppId})"]));
        }

        return RuleEvaluation.Of(evidence.Integrations.Count, findings);
    }
}
