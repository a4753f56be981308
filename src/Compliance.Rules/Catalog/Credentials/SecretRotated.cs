using System.Globalization;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Credentials;

/// <summary>CRED-001: no active secret is older than Policy:SecretMaxAgeDays; High once older than a year.</summary>
public sealed class SecretRotated : IRule
{
    private const int SeverelyOverdueDays = 365;

    public RuleMetadata Metadata { get; } = new(
        Id: "CRED-001",
        Title: "Secret rotated",
        DefaultSeverity: Severity.Medium,
        Rationale: "A client secret is a password held by a vendor. The longer one lives, the more copies of it exist " +
                   "(config files, tickets, backups); the runbook rotates secrets at least every Policy:SecretMaxAgeDays (180).",
        Remediation: "Add a new secret (Add-MgApplicationPassword -ApplicationId <app object id> -PasswordCredential @{displayName='<yyyy-MM>'}), " +
                     "hand it to the vendor, confirm sign-ins use the new key id, then Remove-MgApplicationPassword -ApplicationId <app object id> -KeyId <old key id>.",
        References: [References.Runbook("step 5 — rotate secrets"), References.RenewExpiringCredentials],
        EvidenceSources: [EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = IntegrationCredentials.Of(evidence)
            .Where(c => c.Credential.Type == CredentialType.Secret && IntegrationCredentials.IsActive(c.Credential, evidence.AsOf))
            .ToList();
        var findings = new List<Finding>();
        foreach (var (integration, principal, _, credential) in population)
        {
            if (credential.StartDateTime is not { } start)
            {
                continue;
            }

            var age = (int)Math.Floor((evidence.AsOf - start).TotalDays);
            if (age <= policy.SecretMaxAgeDays)
            {
                continue;
            }

            findings.Add(new Finding(
                RuleId: Metadata.Id,
                Severity: age > SeverelyOverdueDays ? Severity.High : Metadata.DefaultSeverity,
                ResourceType: IntegrationCredentials.ResourceType(credential),
                ResourceId: principal.AppId,
                ResourceName: principal.DisplayName,
                Integration: integration.Name,
                Detail: $"The {IntegrationCredentials.Describe(credential)} was created on {start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, " +
                        $"{age} days ago; the policy allows {policy.SecretMaxAgeDays}.",
                Remediation: Metadata.Remediation,
                Evidence: [$"startDateTime {start.ToString("O", CultureInfo.InvariantCulture)}"],
                Qualifier: credential.KeyId));
        }

        return RuleEvaluation.Of(population.Count, findings);
    }
}
