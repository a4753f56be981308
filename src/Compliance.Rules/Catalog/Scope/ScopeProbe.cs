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
        evidence.Groups.Where(g => Values(filter).Any(v =>
            new[] { g.Id, g.Mail, g.DistinguishedName, g.DisplayName }.Any(k => string.Equals(k, v, StringComparison.OrdinalIgnoreCase))));

    private static IEnumerable<string> Values(OpathExpression expression) => expression switch
    {
        OpathComparison { Property: OpathProperty.MemberOfGroup, Value: { } value } => [value],
        OpathAnd and => Values(and.Left).Concat(Values(and.Right)),
        OpathOr or => Values(or.Left).Concat(Values(or.Right)),
        OpathNot not => Values(not.Operand),
        _ => [],
    };
}
