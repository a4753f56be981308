using Compliance.Rules.Evidence;

namespace Compliance.Rules.Scope;

/// <summary>
/// Every collected mailbox once, ordered by address: the one list all effective scopes of a snapshot index into, so
/// "every mailbox in the organisation" is this list rather than a copy per app. An address collected twice counts once
/// (the first record), as Exchange addresses are unique.
/// </summary>
internal sealed class MailboxUniverse
{
    private readonly Dictionary<string, int> indexByAddress;

    public MailboxUniverse(IReadOnlyList<Mailbox> mailboxes)
    {
        Mailboxes = mailboxes
            .DistinctBy(m => m.PrimarySmtpAddress, StringComparer.OrdinalIgnoreCase)
            .OrderBy(m => m.PrimarySmtpAddress, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        indexByAddress = new Dictionary<string, int>(Mailboxes.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Mailboxes.Count; i++)
        {
            indexByAddress[Mailboxes[i].PrimarySmtpAddress] = i;
        }
    }

    public IReadOnlyList<Mailbox> Mailboxes { get; }

    public int Count => Mailboxes.Count;

    /// <summary>The mailbox's position, or -1 when no mailbox has that address.</summary>
    public int IndexOf(string address) => indexByAddress.TryGetValue(address, out var index) ? index : -1;

    /// <summary>Positions of the given mailboxes, ascending and without repeats.</summary>
    public int[] IndexesOf(IEnumerable<Mailbox> mailboxes)
    {
        var indexes = new SortedSet<int>();
        foreach (var mailbox in mailboxes)
        {
            if (IndexOf(mailbox.PrimarySmtpAddress) is var index and >= 0)
            {
                indexes.Add(index);
            }
        }

        return [.. indexes];
    }
}
