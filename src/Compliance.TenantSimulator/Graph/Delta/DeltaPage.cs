using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Graph.Delta;

/// <summary>
/// Cuts one page out of a round's changes. A page holds at most <c>objects</c> entries and <c>links</c> member
/// links: a Microsoft answer on delta page sizes gives 200 directory objects and 500 directory link objects (group
/// members) a page (learn: answers/questions 2052165 "contact: delta API ... odata.maxpagesize"). A group whose
/// members do not fit is sent again on the next page with the rest of them — the group delta documentation warns that
/// one group can appear in several pages, each with part of its members@delta (learn: graph/api/group-delta).
/// </summary>
internal static class DeltaPage
{
    /// <summary>The page's entries and where the next page starts (null: the round is complete).</summary>
    public static (JsonArray Value, (int Index, int MemberOffset)? Next) Cut(
        IReadOnlyList<DeltaChange> changes, int index, int memberOffset, int objects, int links, string? linkProperty)
    {
        var value = new JsonArray();
        while (index < changes.Count && value.Count < objects)
        {
            var change = changes[index];
            var remaining = change.Links.Count - memberOffset;
            if (remaining > 0 && links == 0)
            {
                break;
            }

            var taken = Math.Min(remaining, links);
            value.Add(Entry(change, memberOffset, taken, linkProperty));
            links -= taken;
            if (memberOffset + taken < change.Links.Count)
            {
                return (value, (index, memberOffset + taken));
            }

            index++;
            memberOffset = 0;
        }

        return (value, index < changes.Count ? (index, 0) : null);
    }

    private static JsonObject Entry(DeltaChange change, int memberOffset, int count, string? linkProperty)
    {
        var entry = change.Removed ? new JsonObject { ["id"] = change.Id, ["@removed"] = Removed("deleted") }
            : memberOffset == 0 ? change.Body!.DeepClone().AsObject()
            : new JsonObject { ["id"] = change.Id };
        if (count > 0 && linkProperty is not null)
        {
            entry[linkProperty + "@delta"] = new JsonArray(change.Links.Skip(memberOffset).Take(count).Select(Link).ToArray());
        }

        return entry;
    }

    private static JsonNode Link(LinkChange link)
    {
        var node = new JsonObject { ["@odata.type"] = link.Member.Type, ["id"] = link.Member.Id };
        if (link.Removed)
        {
            node["@removed"] = Removed("deleted");
        }

        return node;
    }

    private static JsonObject Removed(string reason) => new() { ["reason"] = reason };
}
