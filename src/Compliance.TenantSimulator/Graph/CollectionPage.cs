using System.Globalization;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>Shared paging for Graph collections: default 100, $top up to 999, absolute @odata.nextLink with $skiptoken (m365-apis.md §4).</summary>
internal static class CollectionPage
{
    public const int DefaultTop = 100;
    public const int MaxTop = 999;

    // relativePath: the collection path below the host ("v1.0/applications"); contextFragment: the $metadata fragment.
    public static async Task WriteAsync(
        HttpContext context, SimulatorState state, IReadOnlySet<string> selectable, IReadOnlyList<JsonObject> items, string relativePath, string contextFragment)
    {
        var (query, code, error) = ODataQuery.Parse(context.Request.Query, selectable, isCollection: true, MaxTop);
        if (query is null)
        {
            await GraphError.WriteAsync(context, state, 400, code!, error!);
            return;
        }

        var pageSize = state.PageSize(query.Top ?? DefaultTop);
        var baseUrl = JsonReply.BaseUrl(context.Request);
        var selectText = query.Select is null ? "" : $"({string.Join(',', query.Select)})";
        var page = items.Skip(query.Skip).Take(pageSize).Select(i => (JsonNode?)GraphJson.Project(i, query.Select)).ToArray();
        var body = new JsonObject { ["@odata.context"] = $"{baseUrl}v1.0/$metadata#{contextFragment}{selectText}" };
        var next = query.Skip + pageSize;
        if (next < items.Count)
        {
            var parameters = new List<string>();
            if (query.Top is { } top)
            {
                parameters.Add("$top=" + top.ToString(CultureInfo.InvariantCulture));
            }

            if (query.Select is not null)
            {
                parameters.Add("$select=" + string.Join(',', query.Select));
            }

            parameters.Add("$skiptoken=" + ODataQuery.EncodeSkipToken(next));
            body["@odata.nextLink"] = $"{baseUrl}{relativePath}?{string.Join('&', parameters)}";
        }

        body["value"] = new JsonArray(page);
        await JsonReply.WriteAsync(context, 200, body);
    }
}
