using Compliance.Rules.Evidence;

namespace Compliance.Rules.Scope;

/// <summary>Collects mailboxes with every reason they were added; the union of all send-as paths.</summary>
internal sealed class ScopeAccumulator
{
    private readonly Dictionary<string, (Mailbox Mailbox, List<ScopeReason> Reasons)> entries = new(StringComparer.OrdinalIgnoreCase);

    public bool Unrestricted { get; private set; }

    public List<string> Problems { get; } = [];

    public void Add(IEnumerable<Mailbox> mailboxes, ScopeReason reason)
    {
        foreach (var mailbox in mailboxes)
        {
            if (!entries.TryGetValue(mailbox.PrimarySmtpAddress, out var entry))
            {
                entry = (mailbox, []);
                entries[mailbox.PrimarySmtpAddress] = entry;
            }

            if (!entry.Reasons.Contains(reason))
            {
                entry.Reasons.Add(reason);
            }
        }
    }

    public void AddEveryMailbox(IEnumerable<Mailbox> all, ScopeReason reason)
    {
        Unrestricted = true;
        Add(all, reason);
    }

    public IReadOnlyList<ScopeEntry> Entries() =>
        entries.Values
            .OrderBy(e => e.Mailbox.PrimarySmtpAddress, StringComparer.OrdinalIgnoreCase)
            .Select(e => new ScopeEntry(e.Mailbox.PrimarySmtpAddress, e.Mailbox.UserId, e.Reasons))
            .ToList();
}
