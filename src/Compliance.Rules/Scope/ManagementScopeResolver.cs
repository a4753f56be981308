using Compliance.Rules.Evidence;
using Compliance.Rules.Opath;

namespace Compliance.Rules.Scope;

/// <summary>
/// Parses each management scope's RecipientRestrictionFilter once and matches it against the mailboxes once per
/// snapshot: many apps, and several controls, share a few scopes.
/// </summary>
internal sealed class ManagementScopeResolver(ScopeDirectory directory, MailboxUniverse universe)
{
    private readonly Dictionary<string, ResolvedManagementScope> byScopeId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MailboxSelection> byFilterText = new(StringComparer.Ordinal);
    private readonly FilterCandidates candidates = new(universe, directory);

    public ResolvedManagementScope Resolve(ManagementScope scope)
    {
        if (!byScopeId.TryGetValue(scope.Id, out var resolved))
        {
            resolved = Compute(scope);
            byScopeId[scope.Id] = resolved;
        }

        return resolved;
    }

    private ResolvedManagementScope Compute(ManagementScope scope)
    {
        if (string.IsNullOrWhiteSpace(scope.RecipientFilter))
        {
            return ResolvedManagementScope.Unresolved($"management scope '{scope.Name}': has no RecipientRestrictionFilter");
        }

        OpathExpression filter;
        try
        {
            filter = OpathFilter.Parse(scope.RecipientFilter);
        }
        catch (OpathSyntaxException e)
        {
            return ResolvedManagementScope.Unresolved($"management scope '{scope.Name}': {e.Message}");
        }

        // A MemberOfGroup value that names no collected group cannot be evaluated: matching nothing would be a guess.
        var named = OpathGroups.Named(filter).ToList();
        var unknownGroups = named.Where(g => directory.Group(g) is null).ToList();
        if (unknownGroups.Count > 0)
        {
            return ResolvedManagementScope.Unresolved($"management scope '{scope.Name}' uses MemberOfGroup on {string.Join(", ", unknownGroups.Select(g => $"'{g}'"))}, " +
                $"which is not among the collected groups — filter: \"{scope.RecipientFilter}\"");
        }

        if (!byFilterText.TryGetValue(scope.RecipientFilter, out var matches))
        {
            matches = MailboxSelection.Only(Match(filter));
            byFilterText[scope.RecipientFilter] = matches;
        }

        return new ResolvedManagementScope(matches, null, named.Count == 0 ? [] : directory.GroupsNamed(named));
    }

    private int[] Match(OpathExpression filter)
    {
        var matches = new List<int>();
        foreach (var i in candidates.Of(filter) ?? Enumerable.Range(0, universe.Count))
        {
            if (filter.Matches(directory.Recipient(universe.Mailboxes[i])))
            {
                matches.Add(i);
            }
        }

        return [.. matches];
    }
}
