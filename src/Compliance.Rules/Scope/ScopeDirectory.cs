using Compliance.Rules.Evidence;
using Compliance.Rules.Opath;

namespace Compliance.Rules.Scope;

/// <summary>Indexed view of the mailbox, group, unit and scope evidence the scope engine looks things up in.</summary>
internal sealed class ScopeDirectory
{
    private readonly Dictionary<string, Mailbox> mailboxesByUserId;
    private readonly Dictionary<string, MailGroup> groupsByAnyKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MailGroup> groupsById;
    private readonly Dictionary<string, List<MailGroup>> directGroupsByUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MailboxRecipient> recipients = new(StringComparer.OrdinalIgnoreCase);
    private readonly EvidenceSnapshot evidence;

    public ScopeDirectory(EvidenceSnapshot evidence)
    {
        this.evidence = evidence;
        mailboxesByUserId = evidence.Mailboxes
            .GroupBy(m => m.UserId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        groupsById = evidence.Groups.GroupBy(g => g.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var group in evidence.Groups)
        {
            foreach (var key in new[] { group.Id, group.Mail, group.DistinguishedName, group.DisplayName }.OfType<string>())
            {
                groupsByAnyKey.TryAdd(key, group);
            }

            foreach (var user in group.MemberUserIds)
            {
                if (!directGroupsByUser.TryGetValue(user, out var list))
                {
                    directGroupsByUser[user] = list = [];
                }

                list.Add(group);
            }
        }
    }

    public MailboxRecipient Recipient(Mailbox mailbox)
    {
        if (!recipients.TryGetValue(mailbox.UserId, out var recipient))
        {
            recipient = new MailboxRecipient(mailbox, directGroupsByUser.TryGetValue(mailbox.UserId, out var groups) ? groups : []);
            recipients[mailbox.UserId] = recipient;
        }

        return recipient;
    }

    public IEnumerable<Mailbox> MailboxesOf(IEnumerable<string> userIds) =>
        userIds.Select(id => mailboxesByUserId.GetValueOrDefault(id)).OfType<Mailbox>();

    public MailGroup? Group(string? key) => key is null ? null : groupsByAnyKey.GetValueOrDefault(key);

    /// <summary>Every collected group that one of the values names by id, mail, distinguished name or display name.</summary>
    public IReadOnlyList<MailGroup> GroupsNamed(IReadOnlyCollection<string> values) =>
        evidence.Groups.Where(g => new[] { g.Id, g.Mail, g.DistinguishedName, g.DisplayName }
            .Any(k => values.Contains(k, StringComparer.OrdinalIgnoreCase))).ToList();

    public AdministrativeUnit? AdministrativeUnit(string? id) =>
        evidence.AdministrativeUnits.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase));

    public ManagementScope? ManagementScope(string? idOrName) =>
        evidence.ManagementScopes.FirstOrDefault(s =>
            string.Equals(s.Id, idOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Members of an access policy's group; records a problem (never guesses) when the group is unknown.</summary>
    public IReadOnlyList<Mailbox> PolicyGroupMembers(ApplicationAccessPolicy policy, bool transitive, List<string> problems)
    {
        var group = Group(policy.ScopeIdentity) ?? Group(policy.ScopeName);
        if (group is null)
        {
            problems.Add($"Application Access Policy group '{policy.ScopeIdentity ?? policy.ScopeName}' was not found among the collected groups");
            return [];
        }

        return MailboxesOf(transitive ? TransitiveMembers(group) : group.MemberUserIds).ToList();
    }

    /// <summary>Direct members of a group that are themselves groups (MemberOfGroup scopes do not reach them).</summary>
    public IReadOnlyList<MailGroup> NestedGroups(MailGroup group) =>
        group.MemberGroupIds.Select(id => groupsById.GetValueOrDefault(id)).OfType<MailGroup>().ToList();

    private HashSet<string> TransitiveMembers(MailGroup root)
    {
        var users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { root.Id };
        var queue = new Queue<MailGroup>([root]);
        while (queue.TryDequeue(out var group))
        {
            users.UnionWith(group.MemberUserIds);
            foreach (var nested in group.MemberGroupIds)
            {
                if (seen.Add(nested) && groupsById.TryGetValue(nested, out var child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return users;
    }
}
