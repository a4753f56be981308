using Compliance.Rules.Evidence;

namespace Compliance.Rules.Scope;

/// <summary>
/// A management scope's filter applied to the collected mailboxes: the mailboxes it matches, or — when the filter
/// cannot be judged (malformed, empty, naming an uncollected group) — no matches and the problem, quoting the filter:
/// never a guess. <see cref="NamedGroups"/> are the collected groups its MemberOfGroup clauses name.
/// </summary>
internal sealed record ResolvedManagementScope(MailboxSelection Matches, string? Problem, IReadOnlyList<MailGroup> NamedGroups)
{
    public static ResolvedManagementScope Unresolved(string problem) => new(MailboxSelection.Only([]), problem, []);
}
