using System.Collections;
using System.Runtime.CompilerServices;

namespace Compliance.Rules.Scope;

/// <summary>
/// The mailboxes of one effective send-as scope, ordered by address, each with every reason it is there. Besides
/// listing them it answers "can the app send as this address?" without listing: an unrestricted app's scope is every
/// mailbox of the tenant, so its entries are produced on demand rather than stored once per app.
/// </summary>
[CollectionBuilder(typeof(ScopeMembers), nameof(Create))]
public abstract class ScopeMembers : IReadOnlyList<ScopeEntry>
{
    public abstract int Count { get; }

    public abstract ScopeEntry this[int index] { get; }

    /// <summary>A fixed list of entries (as given, in order): for scopes built outside the engine.</summary>
    public static ScopeMembers Create(ReadOnlySpan<ScopeEntry> entries) => new ListedScopeMembers(entries.ToArray());

    /// <summary>True when the app can send as the mailbox with this address.</summary>
    public bool Contains(string address) => Find(address) is not null;

    /// <summary>The entry of the mailbox with this address (with its reasons), or null when it is not in the scope.</summary>
    public abstract ScopeEntry? Find(string address);

    public IEnumerator<ScopeEntry> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
