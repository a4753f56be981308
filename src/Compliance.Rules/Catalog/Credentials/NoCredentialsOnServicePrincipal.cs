using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Credentials;

/// <summary>CRED-006: credentials belong on the app registration, not on the service principal (enterprise app).</summary>
public sealed class NoCredentialsOnServicePrincipal : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "CRED-006",
        Title: "No credentials on the service principal",
        DefaultSeverity: Severity.High,
        Rationale: "Secrets and certificates added to the service principal authenticate like the app's own but do not appear in the " +
                   "portal's Certificates & secrets blade, so rotation and review miss them — a known persistence technique.",
        Remediation: "Remove-MgServicePrincipalPassword -ServicePrincipalId <sp object id> -KeyId <key id> (secrets) or " +
                     "Update-MgServicePrincipal -ServicePrincipalId <sp object id> -KeyCredentials @() (certificates); " +
                     "issue the vendor a credential on the app registration instead.",
        References: [References.Runbook("step 2 — credentials on the app registration"), new RuleReference(
            "Microsoft Learn: servicePrincipal resource (keyCredentials, passwordCredentials)", "https://learn.microsoft.com/graph/api/resources/serviceprincipal")],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = evidence.RegisteredPrincipals().ToList();
        var findings = population
            .SelectMany(p => p.Principal.Credentials.Select(c => (p.Integration, p.Principal, Credential: c)))
            .Select(c => new Finding(
                RuleId: Metadata.Id,
                Severity: Metadata.DefaultSeverity,
                ResourceType: "servicePrincipal",
                ResourceId: c.Principal.AppId,
                ResourceName: c.Principal.DisplayName,
                Integration: c.Integration.Name,
                Detail: $"The {IntegrationCredentials.Describe(c.Credential)} is set on the enterprise app, where the portal does not show it.",
                Remediation: Metadata.Remediation.Replace("<sp object id>", c.Principal.ObjectId, StringComparison.Ordinal)
                    .Replace("<key id>", c.Credential.KeyId, StringComparison.Ordinal),
                Evidence: [$"servicePrincipal {c.Principal.ObjectId} credential {c.Credential.KeyId}"],
                Qualifier: c.Credential.KeyId));
        return RuleEvaluation.Of(population.Count, findings);
    }
}
