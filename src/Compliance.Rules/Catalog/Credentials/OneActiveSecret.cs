using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Credentials;

/// <summary>CRED-004: an integration has at most one active secret (app registration and service principal together).</summary>
public sealed class OneActiveSecret : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "CRED-004",
        Title: "One active secret",
        DefaultSeverity: Severity.Medium,
        Rationale: "The runbook gives each application one secret. Several active secrets mean a rotation was never finished " +
                   "or a secret was handed out for another purpose; each one is a separate way in.",
        Remediation: "Find the key id the vendor uses (sign-in logs, servicePrincipalCredentialKeyId) and remove the others: " +
                     "Remove-MgApplicationPassword -ApplicationId <app object id> -KeyId <key id>.",
        References: [References.Runbook("step 2 — one secret per application")],
        EvidenceSources: [EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var byIntegration = IntegrationCredentials.Of(evidence)
            .GroupBy(c => c.Integration)
            .ToList();
        var population = evidence.RegisteredPrincipals().Count();
        var findings = new List<Finding>();
        foreach (var group in byIntegration)
        {
            var active = group
                .Where(c => c.Credential.Type == CredentialType.Secret && IntegrationCredentials.IsActive(c.Credential, evidence.AsOf))
                .ToList();
            if (active.Count <= 1)
            {
                continue;
            }

            var principal = active[0].Principal;
            findings.Add(new Finding(
                RuleId: Metadata.Id,
                Severity: Metadata.DefaultSeverity,
                ResourceType: "application",
                ResourceId: principal.AppId,
                ResourceName: principal.DisplayName,
                Integration: group.Key.Name,
                Detail: $"{principal.DisplayName} has {active.Count} active secrets: " +
                        string.Join("; ", active.Select(c => IntegrationCredentials.Describe(c.Credential))) + ".",
                Remediation: Metadata.Remediation,
                Evidence: active.Select(c => $"active secret {c.Credential.KeyId}").ToList()));
        }

        return RuleEvaluation.Of(population, findings);
    }
}
