namespace Compliance.Rules.Evidence;

/// <summary>
/// Activity records held in memory (tests, and collection without a store), with an owner index built on first use.
/// They are put in time order as the store gives them; records of the same moment keep the order they were given in.
/// </summary>
internal sealed class InMemoryActivityRecords<T>(IEnumerable<T> given) : ActivityRecords<T>
    where T : IActivityRecord
{
    private readonly T[] records = [.. given.OrderBy(r => r.OccurredAt)];

    private Dictionary<string, List<T>>? byOwner;

    public override int Count => records.Length;

    public override IEnumerable<T> OwnedBy(string owner) =>
        ActivityOwner.Key(owner) is { } key && Index().TryGetValue(key, out var owned) ? owned : [];

    public override IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)records).GetEnumerator();

    private Dictionary<string, List<T>> Index()
    {
        if (byOwner is not null)
        {
            return byOwner;
        }

        var index = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (ActivityOwner.Key(record.Owner) is not { } key)
            {
                continue;
            }

            if (!index.TryGetValue(key, out var owned))
            {
                index[key] = owned = [];
            }

            owned.Add(record);
        }

        return byOwner = index;
    }
}
