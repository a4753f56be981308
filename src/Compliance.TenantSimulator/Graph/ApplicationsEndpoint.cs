using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>GET /v1.0/applications.</summary>
internal static class ApplicationsEndpoint
{
    public static void Map(WebApplication app, SimulatorState state) =>
        app.MapGet("/v1.0/applications", (HttpContext context) => HandleAsync(context, state));

    private static async Task HandleAsync(HttpContext context, SimulatorState state)
    {
        if (!await BearerGuard.AuthorizeAsync(context, state, TokenAudience.Graph))
        {
            return;
        }

        var items = state.Fixture.Applications.Select(a => GraphJson.Application(a, state.Fixture.Domain)).ToList();
        await CollectionPage.WriteAsync(context, state, GraphJson.ApplicationFields, items, "v1.0/applications", "applications");
    }
}
