using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Credentials;

/// <summary>CRED-005: a secret's lifetime (end − start) does not exceed Policy:SecretMaxLifetimeDays (CIS M365 5.1.5.4).</summary>
public sealed class SecretLifetimeWithinPolicy : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "CRED-005",
        Title: "Secret lifetime within policy",
        DefaultSeverity: Severity.Medium,
        Rationale: "A secret created with a long lifetime does not force rotation. CIS Microsoft 365 Foundations 5.1.5.4 and the runbook " +
                   "cap the lifetime at Policy:SecretMaxLifetimeDays (180); an Entra app management policy can enforce it.",
        Remediation: "Replace the secret with one of at most the allowed lifetime (Add-MgApplicationPassword -PasswordCredential " +
                     "@{endDateTime=(Get-Date).AddDays(180)}), then remove the old one; enforce with an app management policy " +
                     "(passwordLifetime restriction).",
        References: [References.Runbook("step 2 — secret lifetime"), new RuleReference("CIS Microsoft 365 Foundations 5.1.5.4")],
        EvidenceSources: [EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = IntegrationCredentials.Of(evidence)
            .Where(c => c.Credential.Type == CredentialType.Secret && !c.Credential.IsExpiredAt(evidence.AsOf))
            .ToList();
        var findings = new List<Finding>();
        foreach (var (integration, principal, _, credential) in population)
        {
            if (credential is not { StartDateTime: { } start, EndDateTime: { } end })
            {
                continue;
            }

            var lifetime = (int)Math.Round((end - start).TotalDays);
            if (lifetime <= policy.SecretMaxLifetimeDays)
            {
                continue;
            }

            findings.Add(new Finding(
                RuleId: Metadata.Id,
                Severity: Metadata.DefaultSeverity,
                ResourceType: IntegrationCredentials.ResourceType(credential),
                ResourceId: principal.AppId,
                ResourceName: principal.DisplayName,
                Integration: integration.Name,
                Detail: $"The {IntegrationCredentials.Describe(credential)} was issued for {lifetime} days; the policy allows {policy.SecretMaxLifetimeDays}.",
                Remediation: Metadata.Remediation,
                Evidence: [$"startDateTime {start:O}, endDateTime {end:O}"],
                Qualifier: credential.KeyId));
        }

        return RuleEvaluation.Of(population.Count, findings);
    }
}
