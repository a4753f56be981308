using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Graph.Delta;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// GET /v1.0/groups (filter mail/displayName eq), /v1.0/groups/{id}/members: direct members only, users and nested
/// groups told apart by @odata.type — nested members are not expanded (MemberOfGroup counts direct members, m365-apis.md §5.1).
/// GET /v1.0/groups/delta: every group with its direct members as members@delta in one paged round, then changes only
/// (DeltaEndpoint).
/// </summary>
internal static class GroupsEndpoint
{
    private static readonly CollectionSpec Spec = new("v1.0", "groups", DirectoryJson.GroupFields, new Dictionary<string, string[]>
    {
        ["mail"] = ["eq"],
        ["displayName"] = ["eq"],
        ["id"] = ["eq"],
    })
    { EntityType = "group" };

    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapGet("/v1.0/groups", (HttpContext context) => ListAsync(context, state));
        app.MapGet("/v1.0/groups/{id}/members", (HttpContext context, string id) => MembersAsync(context, state, id));
        DeltaEndpoint.Map(app, state, "/v1.0/groups", "groups", () => new DeltaCollection("groups", DirectoryJson.GroupFields, "members", () => DeltaItems(state)));
    }

    private static IEnumerable<DeltaItem> DeltaItems(SimulatorState state)
    {
        var directory = state.Fixture.Directory;
        var userIds = UserIdsByKey(directory);
        return directory.Groups.Select(g => new DeltaItem(
            g.Id,
            DirectoryJson.Group(g),
            g.MemberUserIds.Select(u => new DeltaMember("#microsoft.graph.user", userIds[u]))
                .Concat(g.MemberGroupIds.Select(id => new DeltaMember("#microsoft.graph.group", id))).ToList()));
    }

    /// <summary>A fixture member key (a user's id or address) to the user's id, for the members a delta round reports.</summary>
    public static Dictionary<string, string> UserIdsByKey(Model.SimDirectory directory)
    {
        var userIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in directory.Mailboxes)
        {
            userIds.TryAdd(m.Id, m.Id);
            userIds.TryAdd(m.Address, m.Id);
        }

        return userIds;
    }

    private static async Task ListAsync(HttpContext context, SimulatorState state)
    {
        if (await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "groups"))
        {
            await CollectionPage.WriteAsync(context, state, Spec, _ => state.Fixture.Directory.Groups.Select(DirectoryJson.Group));
        }
    }

    private static async Task MembersAsync(HttpContext context, SimulatorState state, string id)
    {
        if (!await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "groups"))
        {
            return;
        }

        var directory = state.Fixture.Directory;
        var group = directory.Groups.FirstOrDefault(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase));
        if (group is null)
        {
            await GraphError.WriteAsync(context, state, 404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
            return;
        }

        var spec = new CollectionSpec("v1.0", "directoryObjects", DirectoryJson.MemberFields, CollectionSpec.NoFilter);
        await CollectionPage.WriteAsync(context, state, spec, _ =>
            group.MemberUserIds.Select(u => Typed(DirectoryJson.User(directory.MailboxByKey(u)!), "#microsoft.graph.user"))
                .Concat(group.MemberGroupIds.Select(g => Typed(DirectoryJson.Group(directory.Groups.First(x => x.Id == g)), "#microsoft.graph.group"))));
    }

    public static JsonObject Typed(JsonObject item, string type)
    {
        item.Insert(0, "@odata.type", type);
        return item;
    }
}
