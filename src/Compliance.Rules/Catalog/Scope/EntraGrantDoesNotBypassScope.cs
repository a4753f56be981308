using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Scope;

/// <summary>
/// SCOPE-002: an Entra Graph Mail.Send grant lets the app send as every mailbox unless a RestrictAccess
/// Application Access Policy narrows it. Exchange RBAC scopes are added to Entra grants, they never narrow
/// them (Microsoft Learn, application-rbac FAQ; architecture.md §1).
/// </summary>
public sealed class EntraGrantDoesNotBypassScope : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "SCOPE-002",
        Title: "Entra grant does not bypass the scope",
        DefaultSeverity: Severity.Critical,
        Rationale: "Permissions granted in Entra ID and through Exchange RBAC for Applications are added together. " +
                   "An app with the Entra Mail.Send application permission can send as every mailbox in the tenant, whatever " +
                   "management scope exists beside it; only a RestrictAccess Application Access Policy narrows an Entra grant.",
        Remediation: "Remove the Entra grant (Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId <sp object id> " +
                     "-AppRoleAssignmentId <assignment id>) and grant Mail.Send through Exchange RBAC scoped to the approved mailboxes: " +
                     "New-ManagementScope -Name <scope> -RecipientRestrictionFilter \"PrimarySmtpAddress -eq '<mailbox>'\"; " +
                     "New-ManagementRoleAssignment -App <sp object id> -Role \"Application Mail.Send\" -CustomResourceScope <scope>.",
        References: [References.Runbook("step 4 — limit the app to approved shared mailboxes"), References.ApplicationRbac, References.LimitMailboxAccess],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.AppRoleGrants, EvidenceSources.AccessPolicies]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = 0;
        var findings = new List<Finding>();
        foreach (var principal in evidence.ServicePrincipals.OrderBy(p => p.AppId, StringComparer.OrdinalIgnoreCase))
        {
            var grant = evidence.GrantsHeldBy(principal).FirstOrDefault(MailPermissions.IsGraphMailSend);
            if (grant is null)
            {
                continue;
            }

            population++;
            var policies = evidence.AccessPolicies
                .Where(p => string.Equals(p.AppId, principal.AppId, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (policies.Any(p => p.AccessRight == AccessRight.RestrictAccess))
            {
                continue;
            }

            findings.Add(ToFinding(evidence, principal, grant, policies));
        }

        return RuleEvaluation.Of(population, findings);
    }

    private static string UnionNote(EvidenceSnapshot evidence, ServicePrincipal principal)
    {
        var scoped = evidence.ExchangeRoleAssignments
            .Where(a => a.PrincipalObjectId == principal.ObjectId && Compliance.Rules.Scope.MailCapability.IsSendingRbac(a) && a.ScopeType != ExchangeScopeType.Organization)
            .ToList();
        return scoped.Count == 0
            ? "An Exchange RBAC management scope would not narrow this: Entra and RBAC permissions are added together."
            : $"Its Exchange RBAC assignment(s) ({string.Join(", ", scoped.Select(a => $"'{a.RoleName}' scoped to {a.ScopeId}"))}) do not narrow this: " +
              "Entra and RBAC permissions are added together, so the scope is bypassed until the Entra grant is removed.";
    }

    private Finding ToFinding(EvidenceSnapshot evidence, ServicePrincipal principal, AppRoleGrant grant, List<ApplicationAccessPolicy> denyPolicies)
    {
        var reach = denyPolicies.Count == 0
            ? "no Application Access Policy restricts it, so it can send as every mailbox in the tenant"
            : $"its only Application Access Policies are DenyAccess ({string.Join(", ", denyPolicies.Select(p => p.ScopeName))}), " +
              "so it can send as every mailbox except those groups' members";
        var evidenceLines = new List<string> { $"appRoleAssignment {grant.Id}: Mail.Send on Microsoft Graph, granted {grant.CreatedDateTime:yyyy-MM-dd}" };
        evidenceLines.AddRange(denyPolicies.Select(p => $"ApplicationAccessPolicy {p.Identity}: {p.AccessRight} {p.ScopeName}"));
        return new Finding(
            RuleId: Metadata.Id,
            Severity: Metadata.DefaultSeverity,
            ResourceType: "servicePrincipal",
            ResourceId: principal.AppId,
            ResourceName: principal.DisplayName,
            Integration: evidence.IntegrationFor(principal.AppId)?.Name,
            Detail: $"{principal.DisplayName} holds the Entra Microsoft Graph Mail.Send application permission and {reach}. " + UnionNote(evidence, principal),
            Remediation: $"Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId {principal.ObjectId} -AppRoleAssignmentId {grant.Id}; " +
                         $"New-ManagementRoleAssignment -App {principal.ObjectId} -Role \"Application Mail.Send\" -CustomResourceScope <approved-senders scope>",
            Evidence: evidenceLines);
    }
}
