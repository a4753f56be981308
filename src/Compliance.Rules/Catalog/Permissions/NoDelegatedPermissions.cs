using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Permissions;

/// <summary>PERM-002: an integration's service principal holds no delegated (oauth2PermissionGrant) permissions.</summary>
public sealed class NoDelegatedPermissions : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "PERM-002",
        Title: "No delegated permissions",
        DefaultSeverity: Severity.Medium,
        Rationale: "The runbook's integrations act as themselves with client credentials. A delegated grant lets the app act as " +
                   "signed-in users as well — a second, unreviewed path to mail and directory data.",
        Remediation: "Remove-MgOauth2PermissionGrant -OAuth2PermissionGrantId <grant id>",
        References: [References.Runbook("step 3 — application permission only"), References.GraphPermissions],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.DelegatedGrants, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = evidence.RegisteredPrincipals().ToList();
        var findings = new List<Finding>();
        foreach (var (integration, principal) in population)
        {
            var grants = evidence.DelegatedGrants.Where(g => g.ClientId == principal.ObjectId).ToList();
            if (grants.Count == 0)
            {
                continue;
            }

            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", principal.AppId, principal.DisplayName, integration.Name,
                $"{principal.DisplayName} holds {grants.Count} delegated grant(s): " +
                string.Join("; ", grants.Select(g => $"{g.Scope.Trim()} ({(g.ConsentType == "AllPrincipals" ? "all users" : "one user")})")) + ".",
                string.Join("; ", grants.Select(g => $"Remove-MgOauth2PermissionGrant -OAuth2PermissionGrantId {g.Id}")),
                grants.Select(g => $"oauth2PermissionGrant {g.Id}: {g.Scope.Trim()} on {g.ResourceId}").ToList()));
        }

        return RuleEvaluation.Of(population.Count, findings);
    }
}
