using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>GET /beta/roleManagement/exchange/{roleAssignments,roleDefinitions,customAppScopes} (m365-apis.md §5.3 Option A).</summary>
internal static class ExchangeRbacEndpoint
{
    private static readonly CollectionSpec Assignments = new("beta", "roleManagement/exchange/roleAssignments", ExchangeRbacJson.AssignmentFields, new Dictionary<string, string[]>
    {
        ["principalId"] = ["eq"],
        ["roleDefinitionId"] = ["eq"],
    })
    { EntityType = "unifiedRoleAssignment" };

    private static readonly CollectionSpec Definitions = new("beta", "roleManagement/exchange/roleDefinitions", ExchangeRbacJson.DefinitionFields, new Dictionary<string, string[]>
    {
        ["displayName"] = ["eq"],
        ["id"] = ["eq"],
    })
    { EntityType = "unifiedRoleDefinition" };

    // $filter does not work on customAttributes (m365-apis.md §5.3); nothing else is needed.
    private static readonly CollectionSpec Scopes = new("beta", "roleManagement/exchange/customAppScopes", ExchangeRbacJson.ScopeFields, CollectionSpec.NoFilter)
    { EntityType = "customAppScope" };

    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapGet("/beta/roleManagement/exchange/roleAssignments", (HttpContext c) => WriteAsync(c, state, Assignments, () => state.Fixture.Directory.RoleAssignments.Select(ExchangeRbacJson.Assignment)));
        app.MapGet("/beta/roleManagement/exchange/roleDefinitions", (HttpContext c) => WriteAsync(c, state, Definitions, () => state.Fixture.Directory.RoleDefinitions.Select(ExchangeRbacJson.Definition)));
        app.MapGet("/beta/roleManagement/exchange/customAppScopes", (HttpContext c) => WriteAsync(c, state, Scopes, () => state.Fixture.Directory.ManagementScopes.Select(ExchangeRbacJson.Scope)));
    }

    private static async Task WriteAsync(HttpContext context, SimulatorState state, CollectionSpec spec, Func<IEnumerable<System.Text.Json.Nodes.JsonObject>> items)
    {
        if (await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "roleManagement"))
        {
            await CollectionPage.WriteAsync(context, state, spec, _ => items());
        }
    }
}
