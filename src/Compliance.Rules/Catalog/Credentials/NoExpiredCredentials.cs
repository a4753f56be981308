using System.Globalization;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Credentials;

/// <summary>CRED-003: expired secrets and certificates are removed, not left behind.</summary>
public sealed class NoExpiredCredentials : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "CRED-003",
        Title: "No expired credentials left",
        DefaultSeverity: Severity.Low,
        Rationale: "Expired credentials no longer authenticate, but they clutter the app, hide which credential is really in use " +
                   "and are a sign that rotation is not being finished. The runbook removes the old credential after each rotation.",
        Remediation: "Remove-MgApplicationPassword -ApplicationId <app object id> -KeyId <key id> (secrets) or " +
                     "Update-MgApplication -ApplicationId <app object id> -KeyCredentials <remaining certificates> (certificates).",
        References: [References.Runbook("step 5 — remove the old credential after rotation")],
        EvidenceSources: [EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = IntegrationCredentials.Of(evidence).ToList();
        var findings = population
            .Where(c => c.Credential.IsExpiredAt(evidence.AsOf))
            .Select(c => new Finding(
                RuleId: Metadata.Id,
                Severity: Metadata.DefaultSeverity,
                ResourceType: IntegrationCredentials.ResourceType(c.Credential),
                ResourceId: c.Principal.AppId,
                ResourceName: c.Principal.DisplayName,
                Integration: c.Integration.Name,
                Detail: $"The {IntegrationCredentials.Describe(c.Credential)} expired on " +
                        $"{c.Credential.EndDateTime!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} and is still present.",
                Remediation: Metadata.Remediation,
                Evidence: [$"endDateTime {c.Credential.EndDateTime!.Value.ToString("O", CultureInfo.InvariantCulture)}"],
                Qualifier: c.Credential.KeyId));
        return RuleEvaluation.Of(population.Count, findings);
    }
}
