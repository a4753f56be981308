using System.Text;
using System.Text.Json.Nodes;

namespace Compliance.Collectors.Delta;

/// <summary>
/// Folds one delta change into the merged objects. An entry with "@removed" deletes the object. Otherwise each
/// property the change carries replaces the stored one (updated instances carry at least the changed properties,
/// learn: graph/delta-query-overview), and a link collection <c>name@delta</c> (group members) adds the links it
/// lists to <c>name</c> and takes out those marked "@removed" — one group may arrive in several entries, each with
/// part of its members (learn: graph/api/group-delta).
/// </summary>
internal static class DeltaMerge
{
    private const string LinkSuffix = "@delta";

    /// <summary>
    /// Applies <paramref name="change"/> to the objects (kept as UTF-8 JSON: 100,000 service principals as JsonObject
    /// trees would weigh several times their text); returns the id it touched and whether that object is now gone.
    /// </summary>
    public static (string Id, bool Removed)? Apply(Dictionary<string, byte[]> objects, JsonObject change)
    {
        if ((string?)change["id"] is not { Length: > 0 } id)
        {
            return null;
        }

        if (change.ContainsKey("@removed"))
        {
            objects.Remove(id);
            return (id, true);
        }

        var merged = objects.TryGetValue(id, out var stored) ? JsonNode.Parse(stored)!.AsObject() : new JsonObject { ["id"] = id };

        foreach (var (name, value) in change)
        {
            if (name.EndsWith(LinkSuffix, StringComparison.Ordinal))
            {
                MergeLinks(merged, name[..^LinkSuffix.Length], value as JsonArray ?? []);
            }
            else if (!name.StartsWith("@odata.", StringComparison.Ordinal))
            {
                merged[name] = value?.DeepClone();
            }
        }

        objects[id] = Encoding.UTF8.GetBytes(merged.ToJsonString());
        return (id, false);
    }

    private static void MergeLinks(JsonObject merged, string name, JsonArray changes)
    {
        var links = (merged[name] as JsonArray)?.OfType<JsonObject>().ToDictionary(l => (string)l["id"]!, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var link in changes.OfType<JsonObject>())
        {
            if ((string?)link["id"] is not { Length: > 0 } id)
            {
                continue;
            }

            if (link.ContainsKey("@removed"))
            {
                links.Remove(id);
            }
            else
            {
                links[id] = new JsonObject { ["@odata.type"] = (string?)link["@odata.type"], ["id"] = id };
            }
        }

        merged[name] = new JsonArray(links.Values.Select(l => (JsonNode?)l.DeepClone()).ToArray());
    }
}
