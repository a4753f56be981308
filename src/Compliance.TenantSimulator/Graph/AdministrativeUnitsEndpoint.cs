using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>GET /v1.0/directory/administrativeUnits and /v1.0/directory/administrativeUnits/{id}/members.</summary>
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
