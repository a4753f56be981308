using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Incremental;

/// <summary>
/// A window's records of one activity source, left in the incremental store and read back each time they are
/// enumerated: whole (report sheets, activity figures) or one owner's (the rules, through the owner index of migration
/// 0013). Nothing is held between reads, so a review's memory does not grow with a million sign-ins (issue 4,
/// requirement 5); the extent fixes which rows belong to this run.
/// </summary>
internal sealed class StoredActivityRecords<T>(
    IIncrementalStore store, string tenantId, string source, ReviewWindow window, ActivityExtent extent, JsonTypeInfo<T> json) : ActivityRecords<T>
    where T : IActivityRecord
{
    public override int Count => extent.Count;

    public override IEnumerable<T> OwnedBy(string owner) =>
        Deserialize(store.Read(tenantId, source, window.Start, window.End, extent, ActivityOwner.Key(owner) ?? ""));

    public override IEnumerator<T> GetEnumerator() => Deserialize(store.Read(tenantId, source, window.Start, window.End, extent)).GetEnumerator();

    private IEnumerable<T> Deserialize(IEnumerable<ActivityRow> rows)
    {
        foreach (var row in rows)
        {
            yield return JsonSerializer.Deserialize(row.Json, json) ?? throw new InvalidDataException($"{source}: stored record {row.Id} is empty");
        }
    }
}
