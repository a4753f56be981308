using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.SignIns;

/// <summary>SIGN-001: failed sign-ins of an integration in the period stay at or below Policy:SignInFailureThreshold.</summary>
public sealed class AuthenticationHealthy : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "SIGN-001",
        Title: "Authentication healthy",
        DefaultSeverity: Severity.Medium,
        Rationale: "Repeated failed sign-ins mean the vendor uses a wrong or expired secret (mail is not going out), or someone is " +
                   "guessing at the app's credentials. Grouping by error code tells which.",
        Remediation: "Check the error codes: 7000215/7000222 — give the vendor the current credential; 700016 — wrong tenant or app id; " +
                     "unknown sources — rotate the credential and review sign-in IPs (SIGN-003).",
        References: [new RuleReference("Microsoft Learn: Microsoft Entra authentication and authorization error codes",
            "https://learn.microsoft.com/entra/identity-platform/reference-error-codes")],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.SignIns, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = evidence.RegisteredPrincipals().ToList();
        var findings = new List<Finding>();
        foreach (var (integration, principal) in population)
        {
            var failures = SignInWindow.InPeriod(evidence, principal.AppId).Where(s => s.ErrorCode != 0).ToList();
            if (failures.Count <= policy.SignInFailureThreshold)
            {
                continue;
            }

            var byCode = failures.GroupBy(f => f.ErrorCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => $"{g.Count()} × {SignInWindow.Describe(g.Key)}").ToList();
            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", principal.AppId, principal.DisplayName, integration.Name,
                $"{failures.Count} failed sign-ins since {SignInWindow.PeriodStart(evidence):yyyy-MM-dd} (threshold {policy.SignInFailureThreshold}): {string.Join(", ", byCode)}.",
                Metadata.Remediation,
                failures.Take(10).Select(f => $"sign-in {f.Id} at {f.CreatedDateTime:O} from {f.IpAddress}: {SignInWindow.Describe(f.ErrorCode)}").ToList()));
        }

        return RuleEvaluation.Of(population.Count, findings);
    }
}
