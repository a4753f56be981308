using System.Collections;
using System.Runtime.CompilerServices;

namespace Compliance.Rules.Evidence;

/// <summary>
/// The records of one activity source in the review window, in time order. Enumerating may stream them from the store
/// they were collected into (a large tenant has a million sign-ins; issue 4, requirement 5: memory flat whatever the
/// volume), so consumers fold them as they pass instead of keeping them; <see cref="OwnedBy"/> gives one owner's records.
/// </summary>
[CollectionBuilder(typeof(ActivityRecords), nameof(ActivityRecords.Create))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "Named after what it holds, like the evidence lists beside it.")]
public abstract class ActivityRecords<T> : IReadOnlyCollection<T>
    where T : IActivityRecord
{
    public abstract int Count { get; }

    /// <summary>The records whose owner is <paramref name="owner"/> (compared by <see cref="ActivityOwner.Key"/>), in time order.</summary>
    public abstract IEnumerable<T> OwnedBy(string owner);

    public abstract IEnumerator<T> GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static implicit operator ActivityRecords<T>(List<T> records) => ActivityRecords.From(records);

    public static implicit operator ActivityRecords<T>(T[] records) => ActivityRecords.From(records);
}

/// <summary>Builds in-memory <see cref="ActivityRecords{T}"/>: from a collection expression, a list or a query.</summary>
public static class ActivityRecords
{
    public static ActivityRecords<T> Create<T>(ReadOnlySpan<T> records)
        where T : IActivityRecord => new InMemoryActivityRecords<T>(records.ToArray());

    /// <summary>The records in time order; records of the same moment keep the order they are given in.</summary>
    public static ActivityRecords<T> From<T>(IEnumerable<T> records)
        where T : IActivityRecord => new InMemoryActivityRecords<T>(records);
}
