namespace Compliance.Rules.Scope;

/// <summary>Scope members given as a finished list of entries.</summary>
internal sealed class ListedScopeMembers(ScopeEntry[] entries) : ScopeMembers
{
    public override int Count => entries.Length;

    public override ScopeEntry this[int index] => entries[index];

    public override ScopeEntry? Find(string address) =>
        Array.Find(entries, e => string.Equals(e.MailboxAddress, address, StringComparison.OrdinalIgnoreCase));
}
