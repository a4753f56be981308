using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Graph;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Exchange;

/// <summary>
/// The EXO module's REST proxy, POST /adminapi/beta/{tenant}/InvokeCommand (m365-apis.md §5.3 Option B): only
/// the cmdlets of <see cref="ExchangeCmdlets"/>. Pages by Prefer: odata.maxpagesize (default 1000); the client re-POSTs the same
/// body to @odata.nextLink.
/// </summary>
internal static class InvokeCommandEndpoint
{
    private const int DefaultMaxPageSize = 1000;

    public static void Map(WebApplication app, SimulatorState state) =>
        app.MapPost("/adminapi/beta/{tenant}/InvokeCommand", (HttpContext context, string tenant) => HandleAsync(context, state, tenant));

    private static async Task HandleAsync(HttpContext context, SimulatorState state, string tenant)
    {
        if (!await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Exchange, "exchange"))
        {
            return;
        }

        if (!string.Equals(tenant, state.Fixture.TenantId, StringComparison.OrdinalIgnoreCase) && !string.Equals(tenant, state.Fixture.Domain, StringComparison.OrdinalIgnoreCase))
        {
            await GraphError.WriteAsync(context, state, 404, "NotFound", $"Tenant '{tenant}' was not found.");
            return;
        }

        string? cmdlet;
        JsonObject? parameters;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            cmdlet = body?["CmdletInput"]?["CmdletName"]?.GetValue<string>();
            parameters = body?["CmdletInput"]?["Parameters"] as JsonObject;
        }
        catch (JsonException)
        {
            cmdlet = null;
            parameters = null;
        }

        if (string.IsNullOrEmpty(cmdlet))
        {
            await WriteErrorAsync(context, "The request body must contain CmdletInput.CmdletName.");
            return;
        }

        var (rows, failure) = ExchangeCmdlets.Run(cmdlet, parameters, state);
        if (rows is null)
        {
            await WriteErrorAsync(context, failure!);
            return;
        }

        var select = context.Request.Query["$select"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pageSize = state.PageSize(MaxPageSize(context.Request.Headers["Prefer"].ToString()));
        var skip = int.TryParse(context.Request.Query["$skiptoken"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var baseUrl = JsonReply.BaseUrl(context.Request);
        var reply = new JsonObject { ["@odata.context"] = $"{baseUrl}adminapi/beta/{tenant}/$metadata#Collection(Exchange.GenericHashTable)" };
        if (skip + pageSize < rows.Count)
        {
            var selectPart = select.Length > 0 ? "$select=" + string.Join(',', select) + "&" : "";
            reply["@odata.nextLink"] = $"{baseUrl}adminapi/beta/{tenant}/InvokeCommand?{selectPart}$skiptoken={(skip + pageSize).ToString(CultureInfo.InvariantCulture)}";
        }

        reply["value"] = new JsonArray(rows.Skip(skip).Take(pageSize).Select(r => (JsonNode?)(select.Length > 0 ? GraphJson.Project(r, select) : r)).ToArray());
        await JsonReply.WriteAsync(context, 200, reply);
    }

    private static int MaxPageSize(string prefer)
    {
        foreach (var part in prefer.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(part["odata.maxpagesize=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
            {
                return Math.Min(size, DefaultMaxPageSize);
            }
        }

        return DefaultMaxPageSize;
    }

    /// <summary>The proxy's generic error: the useful text is in details[0].message (m365-apis.md §5.3).</summary>
    private static Task WriteErrorAsync(HttpContext context, string detail) =>
        JsonReply.WriteAsync(context, 400, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = "BadRequest",
                ["message"] = "Invalid Operation",
                ["details"] = new JsonArray(new JsonObject { ["message"] = detail }),
            },
        }, "application/json");
}
