using Compliance.TenantSimulator.Graph.Delta;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>GET /v1.0/applications, and /v1.0/applications/delta for rounds of changes (DeltaEndpoint).</summary>
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

    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapGet("/v1.0/applications", (HttpContext context) => HandleAsync(context, state));
        app.MapGet("/v1.0/applications/delta()", (HttpContext context) => DeltaAsync(context, state));
        app.MapGet("/v1.0/applications/delta", (HttpContext context) => DeltaAsync(context, state));
    }

    private static async Task DeltaAsync(HttpContext context, SimulatorState state)
    {
        if (await BearerGuard.AuthorizeAsync(context, state, TokenAudience.Graph))
        {
            await DeltaEndpoint.WriteAsync(context, state, new DeltaCollection("applications", GraphJson.ApplicationFields, null,
                () => state.Fixture.Applications.Select(a => new DeltaItem(a.ObjectId, GraphJson.Application(a, state.Fixture.Domain), []))));
        }
    }

    private static async Task HandleAsync(HttpContext context, SimulatorState state)
    {
        if (!await BearerGuard.AuthorizeAsync(context, state, TokenAudience.Graph))
        {
            return;
        }

        await CollectionPage.WriteAsync(context, state, Spec, _ => state.Fixture.Applications.Select(a => GraphJson.Application(a, state.Fixture.Domain)));
    }
}
