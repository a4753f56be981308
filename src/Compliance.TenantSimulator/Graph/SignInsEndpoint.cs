using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// GET /beta/auditLogs/signIns (and v1.0, which knows no signInEventTypes: 400, m365-apis.md §0.1). Without an
/// event-type filter only interactive user sign-ins come back — none here. Rows older than the 30-day P1/P2 retention
/// are gone (§1.2); page default and maximum 1,000, newest first (§1.1).
/// </summary>
internal static class SignInsEndpoint
{
    private const int RetentionDays = 30;

    private static readonly Dictionary<string, string[]> Filterable = new()
    {
        ["signInEventTypes"] = ["any"],
        ["appId"] = ["eq"],
        ["servicePrincipalId"] = ["eq"],
        ["createdDateTime"] = ["ge", "le", "gt", "lt", "eq"],
        ["status/errorCode"] = ["eq"],
        ["ipAddress"] = ["eq"],
    };

    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapGet("/beta/auditLogs/signIns", (HttpContext c) => HandleAsync(c, state, "beta"));
        app.MapGet("/v1.0/auditLogs/signIns", (HttpContext c) => HandleAsync(c, state, "v1.0"));
    }

    private static async Task HandleAsync(HttpContext context, SimulatorState state, string version)
    {
        if (!await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "signIns"))
        {
            return;
        }

        if (state.Fixture.Failures.NoPremiumLicence)
        {
            await GraphError.WriteAsync(context, state, 403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license");
            return;
        }

        var filterable = version == "beta" ? Filterable : Filterable.Where(f => f.Key != "signInEventTypes").ToDictionary();
        var spec = new CollectionSpec(version, "auditLogs/signIns", ActivityJson.SignInFields, filterable, DefaultTop: 1000, MaxTop: 1000) { EntityType = "signIn" };
        var since = state.Time.GetUtcNow().AddDays(-RetentionDays);
        await CollectionPage.WriteAsync(context, state, spec, query =>
            query.Filter.Any(c => c.Op == "any" && c.Literal.Equals("servicePrincipal", StringComparison.OrdinalIgnoreCase))
                ? state.Fixture.Activity.SignIns.Where(s => s.CreatedDateTime >= since).Select(ActivityJson.SignIn)
                : []);
    }
}
