namespace Compliance.Rules.Scope;

/// <summary>
/// Scope members as the union of the send-as paths that opened them (controls.md step 4): each path is a
/// <see cref="MailboxSelection"/> of the snapshot's <see cref="MailboxUniverse"/> with its reason. A mailbox's reasons
/// are the reasons of the paths that select it, in the order the paths were found; entries are built when read.
/// </summary>
internal sealed class GrantedScopeMembers : ScopeMembers
{
    private readonly MailboxUniverse universe;
    private readonly IReadOnlyList<(ScopeReason Reason, MailboxSelection Selection)> paths;
    private readonly IReadOnlyList<ScopeReason> everyReason;
    private readonly bool everyMailbox;
    private int[]? positions;

    public GrantedScopeMembers(MailboxUniverse universe, IReadOnlyList<(ScopeReason Reason, MailboxSelection Selection)> paths)
    {
        this.universe = universe;
        this.paths = paths;
        everyReason = paths.Select(p => p.Reason).Distinct().ToList();
        everyMailbox = paths.Any(p => p.Selection.IsEvery);
    }

    public override int Count => everyMailbox ? universe.Count : Positions().Length;

    public override ScopeEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return EntryAt(everyMailbox ? index : Positions()[index]);
        }
    }

    public override ScopeEntry? Find(string address) =>
        universe.IndexOf(address) is var position and >= 0 && paths.Any(p => p.Selection.Contains(position)) ? EntryAt(position) : null;

    private ScopeEntry EntryAt(int position)
    {
        var mailbox = universe.Mailboxes[position];
        return new ScopeEntry(mailbox.PrimarySmtpAddress, mailbox.UserId, ReasonsAt(position));
    }

    /// <summary>Where every path selects the mailbox (an unrestricted app's usual case) the one shared list serves.</summary>
    private IReadOnlyList<ScopeReason> ReasonsAt(int position)
    {
        if (SelectedByEveryPath(position))
        {
            return everyReason;
        }

        var reasons = new List<ScopeReason>(paths.Count);
        foreach (var (reason, selection) in paths)
        {
            if (selection.Contains(position) && !reasons.Contains(reason))
            {
                reasons.Add(reason);
            }
        }

        return reasons;
    }

    private bool SelectedByEveryPath(int position)
    {
        foreach (var (_, selection) in paths)
        {
            if (!selection.Contains(position))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Positions selected by some path, ascending; worked out on first use for scopes that are not every mailbox.</summary>
    private int[] Positions() => positions ??= paths.Any(p => p.Selection.IsAllBut)
        ? Enumerable.Range(0, universe.Count).Where(i => paths.Any(p => p.Selection.Contains(i))).ToArray()
        : paths.SelectMany(p => p.Selection.Listed).Distinct().Order().ToArray();
}
