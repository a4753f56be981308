using Compliance.Rules.Opath;

namespace Compliance.Rules.Scope;

/// <summary>
/// Narrows the mailboxes a filter must be tried on, so a scope like <c>PrimarySmtpAddress -eq 'x'</c> does not test
/// every mailbox of a large tenant. Candidates are a superset of the matches — each is still tried with the filter
/// itself, so the result is the evaluator's — or null when the filter gives no handle (then every mailbox is tried).
/// </summary>
internal sealed class FilterCandidates(MailboxUniverse universe, ScopeDirectory directory)
{
    private readonly Dictionary<string, Dictionary<string, List<int>>> indexes = new(StringComparer.Ordinal);

    public IReadOnlyCollection<int>? Of(OpathExpression filter) => filter switch
    {
        // -eq compares each value case-insensitively (OpathComparison); EmailAddresses also strips the proxy prefix,
        // which an exact index would miss, so it gives no handle.
        OpathComparison { Operator: "-eq", Value: { } value, Property: var property } when property != OpathProperty.EmailAddresses =>
            IndexOf(property).GetValueOrDefault(value) ?? [],
        OpathAnd both => Smaller(Of(both.Left), Of(both.Right)),
        OpathOr either when Of(either.Left) is { } left && Of(either.Right) is { } right => [.. left.Union(right).Order()],
        _ => null,
    };

    private static IReadOnlyCollection<int>? Smaller(IReadOnlyCollection<int>? a, IReadOnlyCollection<int>? b) =>
        a is null ? b : b is null || a.Count <= b.Count ? a : b;

    /// <summary>Positions of the mailboxes by each non-empty value of one property, built on first use.</summary>
    private Dictionary<string, List<int>> IndexOf(string property)
    {
        if (indexes.TryGetValue(property, out var index))
        {
            return index;
        }

        index = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < universe.Count; i++)
        {
            foreach (var value in directory.Recipient(universe.Mailboxes[i]).ValuesOf(property))
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                if (!index.TryGetValue(value, out var positions))
                {
                    index[value] = positions = [];
                }

                if (positions.Count == 0 || positions[^1] != i)
                {
                    positions.Add(i);
                }
            }
        }

        indexes[property] = index;
        return index;
    }
}
