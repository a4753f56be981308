using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Scope;

/// <summary>SCOPE-004: apps should not rely on Application Access Policies, which Microsoft replaced with RBAC for Applications.</summary>
public sealed class LegacyAccessPolicy : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "SCOPE-004",
        Title: "Legacy Application Access Policy",
        DefaultSeverity: Severity.Medium,
        Rationale: "Microsoft says Application Access Policies are replaced by RBAC for Applications and asks not to create new ones " +
                   "(they 'will eventually require migration'). A tolerated legacy setup still has to move to the target model.",
        Remediation: "Migrate: New-ManagementScope -Name <scope> -RecipientRestrictionFilter \"MemberOfGroup -eq '<policy group DN>'\"; " +
                     "New-ManagementRoleAssignment -App <sp object id> -Role \"Application Mail.Send\" -CustomResourceScope <scope>; " +
                     "then remove the Entra Mail.Send grant and Remove-ApplicationAccessPolicy -Identity <policy identity>.",
        References: [References.ApplicationRbac, References.LimitMailboxAccess],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.AccessPolicies]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var byApp = evidence.AccessPolicies
            .GroupBy(p => p.AppId, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var findings = byApp.Select(g =>
        {
            var principal = evidence.ServicePrincipalByAppId(g.Key);
            return new Finding(
                RuleId: Metadata.Id,
                Severity: Metadata.DefaultSeverity,
                ResourceType: "servicePrincipal",
                ResourceId: g.Key,
                ResourceName: principal?.DisplayName ?? g.Key,
                Integration: evidence.IntegrationFor(g.Key)?.Name,
                Detail: $"{principal?.DisplayName ?? g.Key} is governed by {g.Count()} Application Access Policy(ies): " +
                        string.Join("; ", g.Select(p => $"{p.AccessRight} {p.ScopeName}")) + ". Migrate to RBAC for Applications.",
                Remediation: Metadata.Remediation,
                Evidence: g.Select(p => $"ApplicationAccessPolicy {p.Identity}").ToList());
        });
        return RuleEvaluation.Of(byApp.Count, findings);
    }
}
