using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.Rules.Scope;

namespace Compliance.Rules.Catalog.Scope;

/// <summary>
/// SCOPE-005: the scope an integration relies on covers its approved mailboxes, matches something, and does not rely on
/// nested groups (MemberOfGroup counts direct members only — learn: application-rbac limits).
/// </summary>
public sealed class ScopeResolvesAsIntended : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "SCOPE-005",
        Title: "Scope resolves as intended",
        DefaultSeverity: Severity.Medium,
        Rationale: "A scope that matches no mailbox, or misses an approved one, breaks the integration (sending fails); a MemberOfGroup scope " +
                   "over a group with nested groups silently leaves the nested members out. Either means the scope is not what was approved.",
        Remediation: "Test with Test-ServicePrincipalAuthorization -Identity <app> -Resource <mailbox>; fix the filter " +
                     "(Set-ManagementScope -Identity <scope> -RecipientRestrictionFilter …) or flatten the group's membership.",
        References: [References.ApplicationRbac, References.LimitMailboxAccess],
        EvidenceSources: ScopeFacts.With(EvidenceSources.Register));

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = 0;
        var findings = new List<Finding>();
        var undetermined = new List<string>();
        foreach (var (integration, principal) in evidence.RegisteredPrincipals())
        {
            var assignments = evidence.RoleAssignmentsOf(principal)
                .Where(a => MailCapability.IsSendingRbac(a) && a.ScopeType != ExchangeScopeType.Organization)
                .ToList();
            var restricts = evidence.AccessPolicies
                .Where(p => string.Equals(p.AppId, principal.AppId, StringComparison.OrdinalIgnoreCase) && p.AccessRight == AccessRight.RestrictAccess)
                .ToList();
            if (assignments.Count + restricts.Count == 0)
            {
                continue;
            }

            population++;
            var scope = derived.ScopeOf(principal.AppId);
            if (scope?.Problems.Count > 0)
            {
                // Part of the scope could not be resolved, so a missing approved mailbox might be in the unresolved part.
                undetermined.Add($"{principal.DisplayName}: {string.Join("; ", scope.Problems)}");
                continue;
            }

            foreach (var sender in integration.ApprovedSenders.Where(s => scope?.Mailboxes.Contains(s) != true))
            {
                var exists = evidence.MailboxByAddress(sender) is not null;
                findings.Add(Problem(integration, principal, sender,
                    exists ? $"The approved mailbox {sender} is not in {principal.DisplayName}'s scope: sending from it will fail."
                           : $"The approved mailbox {sender} does not exist in the tenant."));
            }

            foreach (var assignment in assignments.Where(a => a.ScopeType == ExchangeScopeType.CustomRecipientScope))
            {
                CheckManagementScope(evidence, derived, integration, principal, assignment, findings);
            }
        }

        return RuleEvaluation.Of(population, findings, undetermined);
    }

    private void CheckManagementScope(
        EvidenceSnapshot evidence, DerivedEvidence derived, Integration integration, ServicePrincipal principal, ExchangeRoleAssignment assignment, List<Finding> findings)
    {
        var scope = evidence.ManagementScopes.FirstOrDefault(s =>
            string.Equals(s.Id, assignment.ScopeId, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Name, assignment.ScopeId, StringComparison.OrdinalIgnoreCase));
        if (scope is null)
        {
            return;
        }

        // A malformed filter or an uncollected group is reported as undetermined through the app's scope problems,
        // with the filter quoted. Several integrations can share one scope: it is matched once per snapshot.
        var resolved = derived.Resolve(scope);
        if (resolved.Problem is not null)
        {
            return;
        }

        if (resolved.Matches.IsNone)
        {
            findings.Add(Problem(integration, principal, scope.Id, $"Management scope '{scope.Name}' ({scope.RecipientFilter}) matches no mailbox."));
        }

        foreach (var group in resolved.NamedGroups)
        {
            if (group.MemberGroupIds.Count > 0)
            {
                findings.Add(Problem(integration, principal, scope.Id + "/" + group.Id,
                    $"Management scope '{scope.Name}' uses MemberOfGroup on '{group.DisplayName}', which has {group.MemberGroupIds.Count} nested group(s); " +
                    "their members are not covered (MemberOfGroup counts direct members only)."));
            }
        }
    }

    private Finding Problem(Integration integration, ServicePrincipal principal, string qualifier, string detail) =>
        new(Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", principal.AppId, principal.DisplayName, integration.Name,
            detail, Metadata.Remediation, [detail], qualifier);
}
