using System.Text.RegularExpressions;
using Compliance.TenantSimulator.Graph.Delta;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Compliance.TenantSimulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// GET /v1.0/servicePrincipals, /v1.0/servicePrincipals/{id}, /v1.0/servicePrincipals(appId='…') and their
/// /appRoleAssignedTo navigation (m365-apis.md §4). The keyed forms are parsed by hand because the alternate-key
/// syntax does not fit route templates. GET /v1.0/servicePrincipals/delta answers rounds of changes (DeltaEndpoint).
/// </summary>
internal static partial class ServicePrincipalsEndpoint
{
    [GeneratedRegex(@"^/v1\.0/servicePrincipals(?:/(?<id>[^/()]+)|\(appId='(?<appId>[^']*)'\))(?<nav>/appRoleAssignedTo|/appRoleAssignments)?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyedPath();

    private static readonly CollectionSpec ListSpec = new("v1.0", "servicePrincipals", GraphJson.ServicePrincipalFields, new Dictionary<string, string[]>
    {
        ["appId"] = ["eq"],
        ["displayName"] = ["eq"],
        ["servicePrincipalType"] = ["eq"],
    })
    { EntityType = "servicePrincipal" };

    private static readonly Dictionary<string, string[]> AssignmentFilter = new() { ["resourceId"] = ["eq"], ["appRoleId"] = ["eq"] };

    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapGet("/v1.0/servicePrincipals", (HttpContext context) => ListAsync(context, state));
        app.MapGet("/v1.0/servicePrincipals/delta()", (HttpContext context) => DeltaAsync(context, state));
        app.MapGet("/v1.0/servicePrincipals/delta", (HttpContext context) => DeltaAsync(context, state));
        app.MapGet("/v1.0/{**rest}", (HttpContext context) => KeyedAsync(context, state));
    }

    private static async Task ListAsync(HttpContext context, SimulatorState state)
    {
        if (!await BearerGuard.AuthorizeAsync(context, state, TokenAudience.Graph))
        {
            return;
        }

        await CollectionPage.WriteAsync(context, state, ListSpec, _ => state.Fixture.ServicePrincipals.Select(GraphJson.ServicePrincipal));
    }

    private static async Task DeltaAsync(HttpContext context, SimulatorState state)
    {
        if (await BearerGuard.AuthorizeAsync(context, state, TokenAudience.Graph))
        {
            await DeltaEndpoint.WriteAsync(context, state, new DeltaCollection("servicePrincipals", GraphJson.ServicePrincipalFields, null,
                () => state.Fixture.ServicePrincipals.Select(sp => new DeltaItem(sp.ObjectId, GraphJson.ServicePrincipal(sp), []))));
        }
    }

    private static async Task KeyedAsync(HttpContext context, SimulatorState state)
    {
        if (!await BearerGuard.AuthorizeAsync(context, state, TokenAudience.Graph))
        {
            return;
        }

        var match = KeyedPath().Match(Uri.UnescapeDataString(context.Request.Path.Value ?? ""));
        if (!match.Success)
        {
            await GraphError.WriteAsync(context, state, 400, "BadRequest", $"Resource not found for the segment '{context.Request.Path}'.");
            return;
        }

        var key = match.Groups["id"].Success ? match.Groups["id"].Value : match.Groups["appId"].Value;
        var sp = match.Groups["id"].Success
            ? state.Fixture.ServicePrincipals.FirstOrDefault(s => string.Equals(s.ObjectId, key, StringComparison.OrdinalIgnoreCase))
            : state.Fixture.ServicePrincipalByAppId(key);
        if (sp is null)
        {
            await GraphError.WriteAsync(context, state, 404, "Request_ResourceNotFound", $"Resource '{key}' does not exist or one of its queried reference-property objects are not present.");
            return;
        }

        if (match.Groups["nav"].Success)
        {
            await (match.Groups["nav"].Value.EndsWith("To", StringComparison.OrdinalIgnoreCase)
                ? AppRoleAssignedToAsync(context, state, sp)
                : AppRoleAssignmentsAsync(context, state, sp));
            return;
        }

        var (query, code, error) = ODataQuery.Parse(context.Request.Query, GraphJson.ServicePrincipalFields, isCollection: false, CollectionPage.MaxTop);
        if (query is null)
        {
            await GraphError.WriteAsync(context, state, 400, code!, error!);
            return;
        }

        var body = GraphJson.Project(GraphJson.ServicePrincipal(sp), query.Select);
        var selectText = query.Select is null ? "" : $"({string.Join(',', query.Select)})";
        body.Insert(0, "@odata.context", $"{JsonReply.BaseUrl(context.Request)}v1.0/$metadata#servicePrincipals{selectText}/$entity");
        await JsonReply.WriteAsync(context, 200, body);
    }

    /// <summary>Every assignment whose resource is this SP: the tenant-wide reverse view (m365-apis.md §4, [S18b]).</summary>
    private static Task AppRoleAssignedToAsync(HttpContext context, SimulatorState state, SimServicePrincipal resource)
    {
        var spec = new CollectionSpec("v1.0", $"servicePrincipals('{resource.ObjectId}')/appRoleAssignedTo", GraphJson.AssignmentFields, AssignmentFilter) { EntityType = "appRoleAssignment" };
        return CollectionPage.WriteAsync(context, state, spec, _ => state.Fixture.AppRoleAssignments.Where(a => a.ResourceId == resource.ObjectId).Select(GraphJson.Assignment));
    }

    /// <summary>Application permissions granted to this SP (m365-apis.md §4, [S18a]); filterable on resourceId.</summary>
    private static Task AppRoleAssignmentsAsync(HttpContext context, SimulatorState state, SimServicePrincipal principal)
    {
        var spec = new CollectionSpec("v1.0", $"servicePrincipals('{principal.ObjectId}')/appRoleAssignments", GraphJson.AssignmentFields, AssignmentFilter) { EntityType = "appRoleAssignment" };
        return CollectionPage.WriteAsync(context, state, spec, _ => state.Fixture.AppRoleAssignments.Where(a => a.PrincipalId == principal.ObjectId).Select(GraphJson.Assignment));
    }
}
