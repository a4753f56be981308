using Compliance.TenantSimulator.Graph.Delta;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// GET /v1.0/directory/administrativeUnits and /v1.0/directory/administrativeUnits/{id}/members; and
/// /v1.0/directory/administrativeUnits/delta: every unit with its members as members@delta in one paged round, then
/// changes only (DeltaEndpoint) — the shape of Graph's documented answer (learn: graph/api/administrativeunit-delta,
/// whose v1.0 example response carries members@delta on each unit).
/// </summary>
internal static class AdministrativeUnitsEndpoint
{
    private static readonly CollectionSpec Spec = new("v1.0", "directory/administrativeUnits", DirectoryJson.UnitFields, new Dictionary<string, string[]>
    {
        ["displayName"] = ["eq"],
        ["id"] = ["eq"],
    })
    { EntityType = "administrativeUnit" };

    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapGet("/v1.0/directory/administrativeUnits", (HttpContext context) => ListAsync(context, state));
        app.MapGet("/v1.0/directory/administrativeUnits/{id}/members", (HttpContext context, string id) => MembersAsync(context, state, id));
        DeltaEndpoint.Map(app, state, "/v1.0/directory/administrativeUnits", "administrativeUnits",
            () => new DeltaCollection("administrativeUnits", DirectoryJson.UnitFields, "members", () => DeltaItems(state)));
    }

    private static IEnumerable<DeltaItem> DeltaItems(SimulatorState state)
    {
        var directory = state.Fixture.Directory;
        var userIds = GroupsEndpoint.UserIdsByKey(directory);
        return directory.AdministrativeUnits.Select(u => new DeltaItem(
            u.Id, DirectoryJson.Unit(u), u.MemberUserIds.Select(m => new DeltaMember("#microsoft.graph.user", userIds[m])).ToList()));
    }

    private static async Task ListAsync(HttpContext context, SimulatorState state)
    {
        if (await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "administrativeUnits"))
        {
            await CollectionPage.WriteAsync(context, state, Spec, _ => state.Fixture.Directory.AdministrativeUnits.Select(DirectoryJson.Unit));
        }
    }

    private static async Task MembersAsync(HttpContext context, SimulatorState state, string id)
    {
        if (!await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "administrativeUnits"))
        {
            return;
        }

        var directory = state.Fixture.Directory;
        var unit = directory.AdministrativeUnits.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase));
        if (unit is null)
        {
            await GraphError.WriteAsync(context, state, 404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
            return;
        }

        var spec = new CollectionSpec("v1.0", "directoryObjects", DirectoryJson.MemberFields, CollectionSpec.NoFilter);
        await CollectionPage.WriteAsync(context, state, spec, _ => unit.MemberUserIds.Select(u => GroupsEndpoint.Typed(DirectoryJson.User(directory.MailboxByKey(u)!), "#microsoft.graph.user")));
    }
}
