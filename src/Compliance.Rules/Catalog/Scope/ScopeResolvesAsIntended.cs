using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Opath;
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
        ScopeProbe? probe = null;
        var matchesAny = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var (integration, principal) in evidence.RegisteredPrincipals())
        {
            var assignments = evidence.ExchangeRoleAssignments
                .Where(a => a.PrincipalObjectId == principal.ObjectId && MailCapability.IsSendingRbac(a) && a.ScopeType != ExchangeScopeType.Organization)
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

            var inScope = scope?.Mailboxes.Select(m => m.MailboxAddress).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            foreach (var sender in integration.ApprovedSenders.Where(s => !inScope.Contains(s)))
            {
                var exists = evidence.MailboxByAddress(sender) is not null;
                findings.Add(Problem(integration, principal, sender,
                    exists ? $"The approved mailbox {sender} is not in {principal.DisplayName}'s scope: sending from it will fail."
                           : $"The approved mailbox {sender} does not exist in the tenant."));
            }

            foreach (var assignment in assignments.Where(a => a.ScopeType == ExchangeScopeType.CustomRecipientScope))
            {
                CheckManagementScope(evidence, probe ??= new ScopeProbe(evidence), matchesAny, integration, principal, assignment, findings);
            }
        }

        return RuleEvaluation.Of(population, findings, undetermined);
    }

    private void CheckManagementScope(
        EvidenceSnapshot evidence, ScopeProbe directory, Dictionary<string, bool> matchesAny, Integration integration, ServicePrincipal principal,
        ExchangeRoleAssignment assignment, List<Finding> findings)
    {
        var scope = evidence.ManagementScopes.FirstOrDefault(s =>
            string.Equals(s.Id, assignment.ScopeId, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Name, assignment.ScopeId, StringComparison.OrdinalIgnoreCase));
        if (scope?.RecipientFilter is null)
        {
            return;
        }

        OpathExpression filter;
        try
        {
            filter = OpathFilter.Parse(scope.RecipientFilter);
        }
        catch (OpathSyntaxException)
        {
            return; // reported as undetermined through the scope's problems, with the filter quoted
        }

        if (!directory.ResolvesGroups(filter))
        {
            return; // reported as undetermined through the scope's problems: the named group was not collected
        }

        // Several integrations can share one scope: whether it matches anything is worked out once per scope.
        if (!matchesAny.TryGetValue(scope.Id, out var any))
        {
            any = evidence.Mailboxes.Any(m => filter.Matches(directory.Recipient(m)));
            matchesAny[scope.Id] = any;
        }

        if (!any)
        {
            findings.Add(Problem(integration, principal, scope.Id, $"Management scope '{scope.Name}' ({scope.RecipientFilter}) matches no mailbox."));
        }

        foreach (var group in directory.GroupsNamedBy(filter))
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
