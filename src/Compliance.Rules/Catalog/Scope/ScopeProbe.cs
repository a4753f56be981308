using Compliance.Rules.Evidence;
using Compliance.Rules.Opath;

namespace Compliance.Rules.Catalog.Scope;

/// <summary>Looks at a management scope's filter from the outside: which mailboxes and which named groups it touches.</summary>
internal sealed class ScopeProbe(EvidenceSnapshot evidence)
{
    private readonly Dictionary<string, List<MailGroup>> directGroups = evidence.Groups
        .SelectMany(g => g.MemberUserIds.Select(u => (User: u, Group: g)))
        .GroupBy(x => x.User, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Group).ToList(), StringComparer.OrdinalIgnoreCase);

    public MailboxRecipient Recipient(Mailbox mailbox) =>
        new(mailbox, directGroups.TryGetValue(mailbox.UserId, out var groups) ? groups : []);

    /// <summary>Groups whose identity appears as a MemberOfGroup value in the filter.</summary>
    public IEnumerable<MailGroup> GroupsNamedBy(OpathExpression filter) =>
        evidence.Groups.Where(g => OpathGroups.Named(filter).Any(v =>
            new[] { g.Id, g.Mail, g.DistinguishedName, g.DisplayName }.Any(k => string.Equals(k, v, StringComparison.OrdinalIgnoreCase))));

    /// <summary>True when every MemberOfGroup value names a collected group (otherwise the filter cannot be judged).</summary>
    public bool ResolvesGroups(OpathExpression filter) =>
        OpathGroups.Named(filter).All(v => evidence.Groups.Any(g =>
            new[] { g.Id, g.Mail, g.DistinguishedName, g.DisplayName }.Any(k => string.Equals(k, v, StringComparison.OrdinalIgnoreCase))));
}
