using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.SignIns;

/// <summary>SIGN-002: each integration signed in successfully within Policy:UnusedAppDays.</summary>
public sealed class IntegrationInUse : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "SIGN-002",
        Title: "Integration in use",
        DefaultSeverity: Severity.Low,
        Rationale: "An app registration nobody uses still holds Mail.Send and live credentials. The runbook removes unused apps; " +
                   "Entra's own recommendation flags service principals without sign-ins.",
        Remediation: "Confirm with the owner, then remove the app's permissions and credentials, or the app registration (Remove-MgApplication).",
        References: [References.Runbook("step 8 — remove unused apps"), new RuleReference(
            "Microsoft Learn: Entra recommendation — remove unused applications", "https://learn.microsoft.com/entra/identity/monitoring-health/recommendation-remove-unused-apps")],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.SignIns, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var since = evidence.AsOf.AddDays(-policy.UnusedAppDays);
        var coverage = evidence.CoverageStart(EvidenceSources.SignIns);
        var population = evidence.RegisteredPrincipals().ToList();
        var findings = new List<Finding>();
        var undetermined = new List<string>();
        foreach (var (integration, principal) in population)
        {
            var last = evidence.SignInsOf(principal.AppId)
                .Where(s => s.ErrorCode == 0)
                .Select(s => (DateTimeOffset?)s.CreatedDateTime).Max();
            if (last >= since)
            {
                continue;
            }

            // Absence only proves non-use if the logs reach back far enough.
            if (coverage is null || coverage > since.AddDays(1))
            {
                undetermined.Add($"{principal.DisplayName}: no successful sign-in in the logs, which cover only since {coverage:yyyy-MM-dd} ({policy.UnusedAppDays} days needed)");
                continue;
            }

            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", principal.AppId, principal.DisplayName, integration.Name,
                last is { } at
                    ? $"{principal.DisplayName} last signed in successfully on {at:yyyy-MM-dd}, more than {policy.UnusedAppDays} days ago."
                    : $"{principal.DisplayName} has no successful sign-in in the last {policy.UnusedAppDays} days.",
                Metadata.Remediation,
                [$"sign-in logs since {coverage:yyyy-MM-dd}"]));
        }

        return RuleEvaluation.Of(population.Count, findings, undetermined);
    }
}
