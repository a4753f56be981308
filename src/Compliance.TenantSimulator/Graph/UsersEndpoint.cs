using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Graph.Delta;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Compliance.TenantSimulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// GET /v1.0/users, /v1.0/users/{id|upn} and /v1.0/users/{id|upn}/mailboxSettings[/userPurpose] (m365-apis.md §6).
/// Without $select a user carries Graph's default property set only, so accountEnabled must be asked for.
/// GET /v1.0/users/delta answers rounds of changes (DeltaEndpoint).
/// </summary>
internal static class UsersEndpoint
{
    private static readonly CollectionSpec Spec = new("v1.0", "users", DirectoryJson.UserFields, new Dictionary<string, string[]>
    {
        ["accountEnabled"] = ["eq"],
        ["mail"] = ["eq"],
        ["userPrincipalName"] = ["eq"],
        ["id"] = ["eq"],
    })
    { DefaultSelect = DirectoryJson.UserDefaultSelect, EntityType = "user" };

    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapGet("/v1.0/users", (HttpContext context) => ListAsync(context, state));
        app.MapGet("/v1.0/users/delta()", (HttpContext context) => DeltaAsync(context, state));
        app.MapGet("/v1.0/users/delta", (HttpContext context) => DeltaAsync(context, state));
        app.MapGet("/v1.0/users/{key}", (HttpContext context, string key) => OneAsync(context, state, key));
        app.MapGet("/v1.0/users/{key}/mailboxSettings", (HttpContext context, string key) => SettingsAsync(context, state, key, property: null));
        app.MapGet("/v1.0/users/{key}/mailboxSettings/{property}", (HttpContext context, string key, string property) => SettingsAsync(context, state, key, property));
    }

    private static async Task DeltaAsync(HttpContext context, SimulatorState state)
    {
        if (await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "users"))
        {
            await DeltaEndpoint.WriteAsync(context, state, new DeltaCollection("users", DirectoryJson.UserFields, null,
                () => state.Fixture.Directory.Mailboxes.Select(m => new DeltaItem(m.Id, DirectoryJson.User(m), []))));
        }
    }

    private static async Task ListAsync(HttpContext context, SimulatorState state)
    {
        if (await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "users"))
        {
            await CollectionPage.WriteAsync(context, state, Spec, _ => state.Fixture.Directory.Mailboxes.Select(DirectoryJson.User));
        }
    }

    private static async Task OneAsync(HttpContext context, SimulatorState state, string key)
    {
        if (!await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "users") || await FindAsync(context, state, key) is not { } mailbox)
        {
            return;
        }

        var (query, code, error) = ODataQuery.Parse(context.Request.Query, DirectoryJson.UserFields, isCollection: false, CollectionPage.MaxTop);
        if (query is null)
        {
            await GraphError.WriteAsync(context, state, 400, code!, error!.Replace("directoryObject", "user", StringComparison.Ordinal));
            return;
        }

        var body = GraphJson.Project(DirectoryJson.User(mailbox), query.Select ?? DirectoryJson.UserDefaultSelect);
        var selectText = query.Select is null ? "" : $"({string.Join(',', query.Select)})";
        body.Insert(0, "@odata.context", $"{JsonReply.BaseUrl(context.Request)}v1.0/$metadata#users{selectText}/$entity");
        await JsonReply.WriteAsync(context, 200, body);
    }

    private static async Task SettingsAsync(HttpContext context, SimulatorState state, string key, string? property)
    {
        if (!await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "mailboxSettings") || await FindAsync(context, state, key) is not { } mailbox)
        {
            return;
        }

        var settings = DirectoryJson.MailboxSettings(mailbox);
        var contextUrl = $"{JsonReply.BaseUrl(context.Request)}v1.0/$metadata#users('{Uri.EscapeDataString(key)}')/mailboxSettings";
        if (property is null)
        {
            settings.Insert(0, "@odata.context", contextUrl);
            await JsonReply.WriteAsync(context, 200, settings);
            return;
        }

        var name = settings.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, property, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            await GraphError.WriteAsync(context, state, 400, "BadRequest", $"Resource not found for the segment '{property}'.");
            return;
        }

        await JsonReply.WriteAsync(context, 200, new JsonObject { ["@odata.context"] = $"{contextUrl}/{name}", ["value"] = settings[name]!.DeepClone() });
    }

    private static async Task<SimMailbox?> FindAsync(HttpContext context, SimulatorState state, string key)
    {
        var mailbox = state.Fixture.Directory.MailboxByKey(Uri.UnescapeDataString(key));
        if (mailbox is null)
        {
            await GraphError.WriteAsync(context, state, 404, "Request_ResourceNotFound", $"Resource '{key}' does not exist or one of its queried reference-property objects are not present.");
        }

        return mailbox;
    }
}
