using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Graph.Delta;

/// <summary>
/// One entry of a delta round: an object created or updated (its body; only its id when just its members changed),
/// or removed; with the member links to report for it.
/// </summary>
internal sealed record DeltaChange(string Id, JsonObject? Body, bool Removed, IReadOnlyList<LinkChange> Links)
{
    /// <summary>
    /// What a round reports: from no state, every object with all its members (the initial sweep); from a remembered
    /// state, the objects whose body or members differ, with only the members added or removed, then the objects that
    /// are gone — Graph's shape for changes (learn: graph/delta-query-overview, "Resource representation in the delta
    /// query response": updated instances carry their id and at least the updated properties; removed ones "@removed").
    /// </summary>
    public static List<DeltaChange> Between(DeltaSnapshot? from, IReadOnlyList<DeltaItem> items, DeltaSnapshot to)
    {
        if (from is null)
        {
            return items.Select(i => new DeltaChange(i.Id, i.Body, false, i.Members.Select(m => new LinkChange(m, false)).ToList())).ToList();
        }

        var changes = new List<DeltaChange>();
        foreach (var item in items)
        {
            if (!from.Objects.TryGetValue(item.Id, out var before))
            {
                changes.Add(new DeltaChange(item.Id, item.Body, false, item.Members.Select(m => new LinkChange(m, false)).ToList()));
                continue;
            }

            var after = to.Objects[item.Id];
            var links = after.Members.Where(m => !before.Members.Contains(m)).Select(m => new LinkChange(m, false))
                .Concat(before.Members.Where(m => !after.Members.Contains(m)).Select(m => new LinkChange(m, true)))
                .ToList();
            var bodyChanged = before.BodyHash != after.BodyHash;
            if (bodyChanged || links.Count > 0)
            {
                changes.Add(new DeltaChange(item.Id, bodyChanged ? item.Body : new JsonObject { ["id"] = item.Id }, false, links));
            }
        }

        changes.AddRange(from.Objects.Keys.Where(id => !to.Objects.ContainsKey(id)).Order(StringComparer.Ordinal)
            .Select(id => new DeltaChange(id, null, true, [])));
        return changes;
    }
}
