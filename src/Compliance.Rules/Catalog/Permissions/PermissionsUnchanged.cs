using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Permissions;

/// <summary>PERM-003: no application permission was added or removed since the last attested review.</summary>
public sealed class PermissionsUnchanged : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "PERM-003",
        Title: "Permissions unchanged since last review",
        DefaultSeverity: Severity.High,
        Rationale: "An attested review approved a set of permissions. Any grant added or removed afterwards has not been reviewed; " +
                   "added permissions are how a compromised or over-eager integration quietly widens its reach.",
        Remediation: "Confirm the change with the integration owner and its change ticket; remove it if unapproved " +
                     "(Remove-MgServicePrincipalAppRoleAssignment / Remove-ManagementRoleAssignment), then attest the next review.",
        References: [References.Runbook("step 7 — monthly review")],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.AppRoleGrants, EvidenceSources.ExchangeRbac, EvidenceSources.Register,
            EvidenceSources.Attestations]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        if (evidence.Baseline is not { } baseline)
        {
            return RuleEvaluation.NotEvaluated("no attested review on record yet, so there is no approved set of permissions to compare with");
        }

        var population = evidence.RegisteredPrincipals().ToList();
        var findings = new List<Finding>();
        foreach (var (integration, principal) in population)
        {
            var now = Permissions(evidence.AppRoleGrants, evidence.ExchangeRoleAssignments, principal.ObjectId);
            var then = Permissions(baseline.AppRoleGrants, baseline.ExchangeRoleAssignments, principal.ObjectId);
            var added = now.Except(then).Order(StringComparer.Ordinal).ToList();
            var removed = then.Except(now).Order(StringComparer.Ordinal).ToList();
            if (added.Count + removed.Count == 0)
            {
                continue;
            }

            var parts = new List<string>();
            if (added.Count > 0)
            {
                parts.Add($"added {string.Join(", ", added)}");
            }

            if (removed.Count > 0)
            {
                parts.Add($"removed {string.Join(", ", removed)}");
            }

            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", principal.AppId, principal.DisplayName, integration.Name,
                $"Since the review attested on {baseline.AttestedAt:yyyy-MM-dd} (run {baseline.RunId}): {string.Join("; ", parts)}.",
                Metadata.Remediation,
                [.. added.Select(a => "added: " + a), .. removed.Select(r => "removed: " + r)]));
        }

        return RuleEvaluation.Of(population.Count, findings);
    }

    private static HashSet<string> Permissions(IEnumerable<AppRoleGrant> grants, IEnumerable<ExchangeRoleAssignment> assignments, string principalId)
    {
        var set = grants.Where(g => g.PrincipalId == principalId)
            .Select(g => $"{g.AppRoleValue ?? g.AppRoleId} ({g.ResourceDisplayName ?? g.ResourceAppId})")
            .ToHashSet(StringComparer.Ordinal);
        set.UnionWith(assignments.Where(a => a.PrincipalObjectId == principalId && a.Enabled)
            .Select(a => $"RBAC '{a.RoleName}' ({a.ScopeType}{(a.ScopeId is null ? string.Empty : " " + a.ScopeId)})"));
        return set;
    }
}
