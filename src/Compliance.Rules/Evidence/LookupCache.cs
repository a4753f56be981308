namespace Compliance.Rules.Evidence;

/// <summary>
/// A lookup built once from a list and rebuilt only if the list is replaced: snapshots are records, so a `with` copy
/// carries the cache along, and the source reference tells whether it still describes the list. Large tenants
/// (100,000 service principals) make linear searches per rule and per resource the dominant cost.
/// </summary>
internal sealed class LookupCache<TSource, TValue>(Func<IReadOnlyList<TSource>, Dictionary<string, TValue>> build)
{
    private IReadOnlyList<TSource>? source;
    private Dictionary<string, TValue>? lookup;

    public Dictionary<string, TValue> For(IReadOnlyList<TSource> list)
    {
        if (!ReferenceEquals(list, source) || lookup is null)
        {
            lookup = build(list);
            source = list;
        }

        return lookup;
    }
}
