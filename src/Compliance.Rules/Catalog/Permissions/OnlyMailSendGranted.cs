using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Permissions;

/// <summary>PERM-001: an integration holds Mail.Send and no other application permission.</summary>
public sealed class OnlyMailSendGranted : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "PERM-001",
        Title: "Only Mail.Send is granted",
        DefaultSeverity: Severity.High,
        Rationale: "The runbook grants each integration exactly one mail permission, Mail.Send. Any other application " +
                   "permission widens what a leaked credential can do; permissions that read or write mail expose every mailbox in the tenant.",
        Remediation: "Remove each extra grant: Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId <sp object id> " +
                     "-AppRoleAssignmentId <assignment id>, or Remove-ManagementRoleAssignment -Identity <assignment> for an Exchange RBAC role. Mail.Send held through both Entra and Exchange RBAC is SCOPE-002's finding.",
        References: [References.Runbook("step 3 — grant only Mail.Send"), References.GraphPermissions, References.ApplicationRbac],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.AppRoleGrants, EvidenceSources.ExchangeRbac, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = 0;
        var findings = new List<Finding>();
        foreach (var (integration, principal) in evidence.RegisteredPrincipals())
        {
            population++;
            var extra = evidence.GrantsHeldBy(principal)
                .Where(g => !MailPermissions.IsMailSend(g.AppRoleValue))
                .OrderBy(g => g.ResourceDisplayName, StringComparer.Ordinal)
                .ThenBy(g => g.AppRoleValue ?? g.AppRoleId, StringComparer.Ordinal)
                .ToList();
            var extraRbac = evidence.ExchangeRoleAssignments
                .Where(a => a.PrincipalObjectId == principal.ObjectId && a.Enabled && !string.Equals(a.RoleName, "Application Mail.Send", StringComparison.OrdinalIgnoreCase))
                .OrderBy(a => a.RoleName, StringComparer.Ordinal)
                .ToList();
            if (extra.Count + extraRbac.Count > 0)
            {
                findings.Add(ToFinding(integration, principal, extra, extraRbac));
            }
        }

        return RuleEvaluation.Of(population, findings);
    }

    private Finding ToFinding(Integration integration, ServicePrincipal principal, List<AppRoleGrant> extra, List<ExchangeRoleAssignment> extraRbac)
    {
        var critical = extra.Any(g => MailPermissions.ReadsOrWritesAllMail(g.AppRoleValue)) || extraRbac.Any(a => MailPermissions.RbacRoleReadsMail(a.RoleName));
        var severity = critical ? Severity.Critical : Metadata.DefaultSeverity;
        var names = string.Join(", ", extra.Select(Describe).Concat(extraRbac.Select(a => $"Exchange RBAC '{a.RoleName}'")));
        var commands = string.Join("; ", extra.Select(g =>
                $"Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId {principal.ObjectId} -AppRoleAssignmentId {g.Id}")
            .Concat(extraRbac.Select(a => $"Remove-ManagementRoleAssignment -Identity {a.Id}")));
        return new Finding(
            RuleId: Metadata.Id,
            Severity: severity,
            ResourceType: "servicePrincipal",
            ResourceId: principal.AppId,
            ResourceName: principal.DisplayName,
            Integration: integration.Name,
            Detail: $"{principal.DisplayName} holds {extra.Count + extraRbac.Count} application permission(s) besides Mail.Send: {names}.",
            Remediation: commands,
            Evidence: extra.Select(g => $"appRoleAssignment {g.Id}: {Describe(g)} on resource {g.ResourceId}")
                .Concat(extraRbac.Select(a => $"Exchange role assignment {a.Id}: {a.RoleName} ({a.ScopeType})"))
                .ToList());
    }

    private static string Describe(AppRoleGrant grant) =>
        $"{grant.AppRoleValue ?? $"unknown role {grant.AppRoleId}"} ({grant.ResourceDisplayName ?? grant.ResourceAppId})";
}
