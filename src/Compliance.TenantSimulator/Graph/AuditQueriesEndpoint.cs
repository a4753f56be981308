using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// Purview audit search (m365-apis.md §3.1): POST …/security/auditLog/queries → 201 notStarted; GET …/queries/{id}
/// advances to running then succeeded; …/records before success → 400 "The query is not ready.". v1.0 and beta; a
/// fixture can make v1.0 answer 404 as one project measured (§0.4).
/// </summary>
internal static class AuditQueriesEndpoint
{
    private static readonly CollectionSpec RecordsSpec = new("v1.0", "security/auditLog/queries/records", ActivityJson.RecordFields, CollectionSpec.NoFilter, DefaultTop: 150, MaxTop: 1000)
    { EntityType = "security.auditLogRecord" };

    public static void Map(WebApplication app, SimulatorState state)
    {
        foreach (var version in new[] { "v1.0", "beta" })
        {
            app.MapPost($"/{version}/security/auditLog/queries", (HttpContext c) => CreateAsync(c, state, version));
            app.MapGet($"/{version}/security/auditLog/queries/{{id}}", (HttpContext c, string id) => GetAsync(c, state, version, id));
            app.MapGet($"/{version}/security/auditLog/queries/{{id}}/records", (HttpContext c, string id) => RecordsAsync(c, state, version, id));
            app.MapDelete($"/{version}/security/auditLog/queries/{{id}}", (HttpContext c, string id) => DeleteAsync(c, state, version, id));
        }
    }

    private static async Task<bool> GuardAsync(HttpContext context, SimulatorState state, string version)
    {
        if (!await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "auditQuery"))
        {
            return false;
        }

        if (version == "v1.0" && state.Fixture.Failures.AuditQueryV1Absent)
        {
            await GraphError.WriteAsync(context, state, 404, "UnknownError", "");
            return false;
        }

        return true;
    }

    private static async Task CreateAsync(HttpContext context, SimulatorState state, string version)
    {
        if (!await GuardAsync(context, state, version))
        {
            return;
        }

        JsonObject? request;
        try
        {
            request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            await GraphError.WriteAsync(context, state, 400, "BadRequest", "The request body is not a valid auditLogQuery.");
            return;
        }

        var query = new AuditQuery(Guid.NewGuid().ToString(), request);
        state.AuditQueries[query.Id] = query;
        await JsonReply.WriteAsync(context, 201, Body(context, query, version));
    }

    private static async Task GetAsync(HttpContext context, SimulatorState state, string version, string id)
    {
        if (await GuardAsync(context, state, version) && await FindAsync(context, state, id) is { } query)
        {
            var body = Body(context, query, version);
            query.Poll();
            await JsonReply.WriteAsync(context, 200, body);
        }
    }

    private static async Task DeleteAsync(HttpContext context, SimulatorState state, string version, string id)
    {
        if (await GuardAsync(context, state, version) && await FindAsync(context, state, id) is { } query)
        {
            state.AuditQueries.TryRemove(query.Id, out _);
            context.Response.StatusCode = 204;
        }
    }

    private static async Task RecordsAsync(HttpContext context, SimulatorState state, string version, string id)
    {
        if (!await GuardAsync(context, state, version) || await FindAsync(context, state, id) is not { } query)
        {
            return;
        }

        if (query.Status != "succeeded")
        {
            await GraphError.WriteAsync(context, state, 400, "BadRequest", "The query is not ready.");
            return;
        }

        var r = query.Request;
        var from = Instant(r["filterStartDateTime"]) ?? DateTimeOffset.MinValue;
        var to = Instant(r["filterEndDateTime"]) ?? DateTimeOffset.MaxValue;
        var operations = Strings(r["operationFilters"]);
        var users = Strings(r["userPrincipalNameFilters"]);
        var types = Strings(r["recordTypeFilters"]);
        var spec = RecordsSpec with { ApiVersion = version, ContextFragment = $"security/auditLog/queries('{query.Id}')/records" };
        await CollectionPage.WriteAsync(context, state, spec, _ => state.Fixture.Activity.MailboxAudit
            .Where(a => a.CreatedDateTime >= from && a.CreatedDateTime < to)
            .Where(a => operations.Count == 0 || operations.Contains(a.Operation))
            .Where(a => users.Count == 0 || users.Contains(a.MailboxAddress))
            .Where(a => types.Count == 0 || types.Contains("exchangeItem"))
            .Select(a => ActivityJson.Record(a, state.Fixture.TenantId)));
    }

    private static async Task<AuditQuery?> FindAsync(HttpContext context, SimulatorState state, string id)
    {
        if (state.AuditQueries.TryGetValue(id, out var query))
        {
            return query;
        }

        await GraphError.WriteAsync(context, state, 404, "NotFound", $"Audit log query '{id}' was not found.");
        return null;
    }

    private static JsonObject Body(HttpContext context, AuditQuery query, string version)
    {
        var body = new JsonObject
        {
            ["@odata.context"] = $"{JsonReply.BaseUrl(context.Request)}{version}/$metadata#security/auditLog/queries/$entity",
            ["@odata.type"] = "#microsoft.graph.security.auditLogQuery",
            ["id"] = query.Id,
            ["displayName"] = query.Request["displayName"]?.DeepClone(),
            ["filterStartDateTime"] = query.Request["filterStartDateTime"]?.DeepClone(),
            ["filterEndDateTime"] = query.Request["filterEndDateTime"]?.DeepClone(),
            ["recordTypeFilters"] = query.Request["recordTypeFilters"]?.DeepClone() ?? new JsonArray(),
            ["keywordFilter"] = query.Request["keywordFilter"]?.DeepClone(),
            ["serviceFilters"] = new JsonArray(),
            ["operationFilters"] = query.Request["operationFilters"]?.DeepClone() ?? new JsonArray(),
            ["userPrincipalNameFilters"] = query.Request["userPrincipalNameFilters"]?.DeepClone() ?? new JsonArray(),
            ["ipAddressFilters"] = new JsonArray(),
            ["objectIdFilters"] = new JsonArray(),
            ["administrativeUnitIdFilters"] = new JsonArray(),
            ["status"] = query.Status,
            ["recordCountLimit"] = 1_000_000,
            ["isRecordCountLimitExceeded"] = false,
        };
        return body;
    }

    private static DateTimeOffset? Instant(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String && DateTimeOffset.TryParse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static HashSet<string> Strings(JsonNode? node) =>
        new(node is JsonArray a ? a.Where(x => x?.GetValueKind() == JsonValueKind.String).Select(x => x!.GetValue<string>()) : [], StringComparer.OrdinalIgnoreCase);
}
