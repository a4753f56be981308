using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>GET /v1.0/applications.</summary>
internal static class ApplicationsEndpoint
{
    // appId eq and createdDateTime ranges are the forms the collectors send (issue 3 item 2).
    private static readonly CollectionSpec Spec = new("v1.0", "applications", GraphJson.ApplicationFields, new Dictionary<string, string[]>
    {
        ["appId"] = ["eq"],
        ["displayName"] = ["eq"],
        ["createdDateTime"] = ["ge", "le", "gt", "lt"],
    })
    { EntityType = "application" };

    public static void Map(WebApplication app, SimulatorState state) =>
        app.MapGet("/v1.0/applications", (HttpContext context) => HandleAsync(context, state));

    private static async Task HandleAsync(HttpContext context, SimulatorState state)
    {
        if (!await BearerGuard.AuthorizeAsync(context, state, TokenAudience.Graph))
        {
            return;
        }

        await CollectionPage.WriteAsync(context, state, Spec, _ => state.Fixture.Applications.Select(a => GraphJson.Application(a, state.Fixture.Domain)));
    }
}
