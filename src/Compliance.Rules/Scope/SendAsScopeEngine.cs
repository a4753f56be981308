using Compliance.Rules.Evidence;

namespace Compliance.Rules.Scope;

/// <summary>
/// Computes the effective send-as set of each mail-capable app (controls.md, steps 1–4): Entra grants narrowed only
/// by Application Access Policies, plus every Exchange RBAC assignment with Mail.Send, plus full access — a union,
/// because Entra and RBAC permissions are added together (architecture.md §1). Exclusive scopes never remove a
/// mailbox. Built once per snapshot: "every mailbox" is one shared list, and each management scope is matched once.
/// </summary>
public sealed class SendAsScopeEngine
{
    private readonly EvidenceSnapshot evidence;
    private readonly ScopeDirectory directory;
    private readonly MailboxUniverse universe;
    private readonly ManagementScopeResolver resolver;

    public SendAsScopeEngine(EvidenceSnapshot evidence)
    {
        this.evidence = evidence;
        directory = new ScopeDirectory(evidence);
        universe = new MailboxUniverse(evidence.Mailboxes);
        resolver = new ManagementScopeResolver(directory, universe);
    }

    public IReadOnlyList<EffectiveSendAsScope> ComputeAll() =>
        evidence.ServicePrincipals
            .Where(p => MailCapability.IsMailCapable(evidence, p))
            .OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.AppId, StringComparer.OrdinalIgnoreCase)
            .Select(Compute)
            .ToList();

    public EffectiveSendAsScope Compute(ServicePrincipal principal)
    {
        var scope = new ScopeAccumulator(universe);
        var grants = evidence.GrantsHeldBy(principal).ToList();
        AddEntraGrants(principal, grants.Where(MailCapability.IsEntraMailSend).ToList(), scope);
        foreach (var grant in grants.Where(MailCapability.IsFullAccess))
        {
            scope.AddEveryMailbox(new ScopeReason(SendAsPath.FullAccess,
                $"EXO full_access_as_app (appRoleAssignment {grant.Id}): every mailbox, and far more than send"));
        }

        if (grants.Any(MailCapability.IsSmtpSendAsApp))
        {
            scope.Problems.Add("SMTP.SendAsApp is granted: sending through SMTP AUTH also needs per-mailbox permissions, which are not collected");
        }

        foreach (var assignment in evidence.RoleAssignmentsOf(principal).Where(MailCapability.IsSendingRbac))
        {
            AddRbacAssignment(assignment, scope);
        }

        if (universe.Count == 0)
        {
            scope.Problems.Add("no mailboxes were collected, so the set cannot be listed");
        }

        return new EffectiveSendAsScope(principal.AppId, principal.DisplayName, scope.Unrestricted, scope.Members(), scope.Problems);
    }

    /// <summary>A management scope's filter applied to the mailboxes, shared with the controls that judge scopes themselves.</summary>
    internal ResolvedManagementScope Resolve(ManagementScope managementScope) => resolver.Resolve(managementScope);

    private void AddEntraGrants(ServicePrincipal principal, List<AppRoleGrant> grants, ScopeAccumulator scope)
    {
        if (grants.Count == 0)
        {
            return;
        }

        var names = string.Join(" and ", grants.Select(g => $"{g.AppRoleValue ?? "Mail.Send"} on {g.ResourceDisplayName ?? g.ResourceAppId}"));
        var policies = evidence.AccessPolicies.Where(p => string.Equals(p.AppId, principal.AppId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (policies.Count == 0)
        {
            scope.AddEveryMailbox(new ScopeReason(SendAsPath.EntraGrantUnrestricted,
                $"Entra {names} with no Application Access Policy: every mailbox"));
            return;
        }

        // Deny wins over Restrict (learn: application access policies). A policy group's members are taken
        // transitively for RestrictAccess but only directly for DenyAccess: where membership semantics are not
        // documented, the larger reach is reported — an auditor must not under-state what an app can do.
        var denied = MailboxSelection.Only(universe.IndexesOf(policies
            .Where(p => p.AccessRight == AccessRight.DenyAccess)
            .SelectMany(deny => directory.PolicyGroupMembers(deny, transitive: false, scope.Problems))));

        var restricts = policies.Where(p => p.AccessRight == AccessRight.RestrictAccess).ToList();
        if (restricts.Count == 0)
        {
            var denyNames = string.Join(", ", policies.Select(p => p.ScopeName));
            scope.Add(MailboxSelection.AllBut([.. denied.Listed]), new ScopeReason(SendAsPath.EntraGrantDenyAccess,
                $"Entra {names}; only DenyAccess policies ({denyNames}): every mailbox except their members"));
            return;
        }

        foreach (var restrict in restricts)
        {
            var members = universe.IndexesOf(directory.PolicyGroupMembers(restrict, transitive: true, scope.Problems));
            scope.Add(MailboxSelection.Only(Array.FindAll(members, m => !denied.Contains(m))), new ScopeReason(SendAsPath.EntraGrantRestrictAccess,
                $"Entra {names}, narrowed by RestrictAccess policy to group '{restrict.ScopeName}'"));
        }
    }

    private void AddRbacAssignment(ExchangeRoleAssignment assignment, ScopeAccumulator scope)
    {
        switch (assignment.ScopeType)
        {
            case ExchangeScopeType.Organization:
                scope.AddEveryMailbox(new ScopeReason(SendAsPath.RbacOrganization,
                    $"Exchange RBAC '{assignment.RoleName}' (assignment {assignment.Id}) with no resource scope: every mailbox"));
                break;
            case ExchangeScopeType.AdministrativeUnit:
                var unit = directory.AdministrativeUnit(assignment.ScopeId);
                if (unit is null)
                {
                    scope.Problems.Add($"assignment {assignment.Id} names administrative unit '{assignment.ScopeId}', which was not collected");
                    break;
                }

                scope.Add(MailboxSelection.Only(universe.IndexesOf(directory.MailboxesOf(unit.MemberUserIds))), new ScopeReason(SendAsPath.RbacAdministrativeUnit,
                    $"Exchange RBAC '{assignment.RoleName}' scoped to administrative unit '{unit.DisplayName}'"));
                break;
            default:
                AddCustomScope(assignment, scope);
                break;
        }
    }

    private void AddCustomScope(ExchangeRoleAssignment assignment, ScopeAccumulator scope)
    {
        var managementScope = directory.ManagementScope(assignment.ScopeId);
        if (managementScope is null)
        {
            scope.Problems.Add($"assignment {assignment.Id} names management scope '{assignment.ScopeId}', which was not collected");
            return;
        }

        var resolved = resolver.Resolve(managementScope);
        if (resolved.Problem is { } problem)
        {
            scope.Problems.Add(problem);
            return;
        }

        var exclusive = managementScope.Exclusive ? " (exclusive — which does not fence mailboxes off from apps)" : string.Empty;
        scope.Add(resolved.Matches, new ScopeReason(SendAsPath.RbacCustomScope,
            $"Exchange RBAC '{assignment.RoleName}' scoped to '{managementScope.Name}'{exclusive}: {managementScope.RecipientFilter}"));
    }
}
