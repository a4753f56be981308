namespace Compliance.Rules.Scope;

/// <summary>
/// Which mailboxes of a <see cref="MailboxUniverse"/> one send-as path opens: all of them, all but some (DenyAccess),
/// or only some (a group, a unit, a filter's matches). Positions are kept sorted, so membership is a binary search.
/// </summary>
internal sealed class MailboxSelection
{
    private readonly int[] listed;

    private MailboxSelection(bool allBut, int[] listed)
    {
        IsAllBut = allBut;
        this.listed = listed;
    }

    public static MailboxSelection Every { get; } = new(true, []);

    /// <summary>True when the selection is the universe minus <see cref="Listed"/>; false when it is <see cref="Listed"/> alone.</summary>
    public bool IsAllBut { get; }

    public bool IsEvery => IsAllBut && listed.Length == 0;

    public bool IsNone => !IsAllBut && listed.Length == 0;

    public IReadOnlyList<int> Listed => listed;

    public static MailboxSelection Only(int[] sortedIndexes) => new(false, sortedIndexes);

    public static MailboxSelection AllBut(int[] sortedIndexes) => new(true, sortedIndexes);

    public bool Contains(int index) => IsAllBut != Array.BinarySearch(listed, index) >= 0;

    /// <summary>How many of a universe of <paramref name="universeCount"/> mailboxes are selected.</summary>
    public int CountIn(int universeCount) => IsAllBut ? universeCount - listed.Length : listed.Length;
}
