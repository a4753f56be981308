namespace Compliance.Rules.Scope;

/// <summary>Collects the send-as paths of one app, each with the mailboxes it opens and why; their union is the scope.</summary>
internal sealed class ScopeAccumulator(MailboxUniverse universe)
{
    private readonly List<(ScopeReason Reason, MailboxSelection Selection)> paths = [];

    public bool Unrestricted { get; private set; }

    public List<string> Problems { get; } = [];

    public void Add(MailboxSelection selection, ScopeReason reason) => paths.Add((reason, selection));

    public void AddEveryMailbox(ScopeReason reason)
    {
        Unrestricted = true;
        Add(MailboxSelection.Every, reason);
    }

    public ScopeMembers Members() => new GrantedScopeMembers(universe, paths);
}
