using System.Text;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Compliance.TenantSimulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// GET /beta/reports/servicePrincipalSignInActivities (m365-apis.md §1.1 [S6b]): each service principal's last sign-in,
/// computed from every sign-in of the fixture up to the simulator's clock — the report remembers what Graph's 30 days
/// and a workspace's data start no longer serve. Only successful sign-ins count: Microsoft Learn describes the report as
/// "the last time the service principal was used" (concept-usage-insights-report, "Service principal sign-in activity")
/// and the remove-unused-apps recommendation built on it as apps that issued no tokens in 90 days; a failed attempt
/// issues no token. The fixture's sign-ins are all app-only as client, so that activity and lastSignInActivity carry
/// the same date and the delegated ones are null. id is the base64 of the appId, as in Microsoft's example responses.
/// Page size: 1,000 by default and at most (UNCONFIRMED: the reference documents $top without a maximum). $orderby by
/// the last sign-in date or appId, one key (OrderClause: nulls last when descending).
/// </summary>
internal static class SignInActivitiesEndpoint
{
    private static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "appId", "lastSignInActivity", "delegatedClientSignInActivity", "delegatedResourceSignInActivity",
        "applicationAuthenticationClientSignInActivity", "applicationAuthenticationResourceSignInActivity",
    };

    private static readonly Dictionary<string, string[]> Filterable = new() { ["appId"] = ["eq"] };

    /// <summary>The reference documents $orderby for this list (reportroot-list-serviceprincipalsigninactivities); the collector orders by the last sign-in.</summary>
    private static readonly IReadOnlySet<string> Orderable = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "lastSignInActivity/lastSignInDateTime", "appId" };

    public static void Map(WebApplication app, SimulatorState state) =>
        app.MapGet("/beta/reports/servicePrincipalSignInActivities", (HttpContext c) => HandleAsync(c, state));

    private static async Task HandleAsync(HttpContext context, SimulatorState state)
    {
        if (!await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "signInActivity"))
        {
            return;
        }

        // Usage & insights reports need Entra ID P1/P2, like the sign-in logs they are built from (concept-usage-insights-report, prerequisites).
        if (state.Fixture.Failures.NoPremiumLicence)
        {
            await GraphError.WriteAsync(context, state, 403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license");
            return;
        }

        var spec = new CollectionSpec("beta", "reports/servicePrincipalSignInActivities", Fields, Filterable, DefaultTop: 1000, MaxTop: 1000)
        {
            EntityType = "servicePrincipalSignInActivity",
            Orderable = Orderable,
            IgnoresOrderBy = state.Fixture.Failures.SignInActivityOrderByIgnored,
        };
        var now = state.Time.GetUtcNow();
        await CollectionPage.WriteAsync(context, state, spec, _ => LastSuccessful(state.Fixture.Activity.SignIns, now).Select(Entry), RefuseOrdering(state));
    }

    /// <summary>
    /// A tenant planted with <c>signInActivityOrderByRefused</c> answers any $orderby with 400, as Graph may: the
    /// reference lists $orderBy for this report but no example orders by a nested date (UNCONFIRMED). The wording is the
    /// simulator's own.
    /// </summary>
    private static Func<ODataQuery, string?> RefuseOrdering(SimulatorState state) => query =>
        state.Fixture.Failures.SignInActivityOrderByRefused && query.OrderBy is { } order ? $"Invalid $orderby: ordering by '{order.Path}' is not supported." : null;

    /// <summary>One pass over the sign-ins (a generated tenant streams a million), keeping the latest success per app.</summary>
    private static IEnumerable<SimSignIn> LastSuccessful(IEnumerable<SimSignIn> signIns, DateTimeOffset now)
    {
        var last = new Dictionary<string, SimSignIn>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in signIns)
        {
            if (s.ErrorCode == 0 && s.CreatedDateTime <= now && (!last.TryGetValue(s.AppId, out var seen) || s.CreatedDateTime > seen.CreatedDateTime))
            {
                last[s.AppId] = s;
            }
        }

        return last.Values.OrderBy(s => s.AppId, StringComparer.OrdinalIgnoreCase);
    }

    private static JsonObject Entry(SimSignIn s) => new()
    {
        ["id"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(s.AppId)),
        ["appId"] = s.AppId,
        ["lastSignInActivity"] = Activity(s),
        ["delegatedClientSignInActivity"] = null,
        ["delegatedResourceSignInActivity"] = null,
        ["applicationAuthenticationClientSignInActivity"] = Activity(s),
        ["applicationAuthenticationResourceSignInActivity"] = null,
    };

    private static JsonObject Activity(SimSignIn s) => new()
    {
        ["lastSignInDateTime"] = ActivityJson.Date(s.CreatedDateTime),
        ["lastSignInRequestId"] = s.Id,
    };
}
