using System.Globalization;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// Shared paging for Graph collections: $filter before paging, default and maximum $top per endpoint, an absolute
/// @odata.nextLink that repeats the request's own options with a new $skiptoken (m365-apis.md §4, §1.1).
/// Items are enumerated lazily so large generated tenants are never materialised, and each page resumes the previous
/// one's enumeration (PageCursors), so reading n rows costs O(n), not O(n²).
/// </summary>
internal static class CollectionPage
{
    public const int DefaultTop = 100;
    public const int MaxTop = 999;

    /// <summary>Returns the parsed query (or null after writing a 400); <paramref name="validate"/> may refuse the filter with a message.</summary>
    public static async Task WriteAsync(
        HttpContext context,
        SimulatorState state,
        CollectionSpec spec,
        Func<ODataQuery, IEnumerable<JsonObject>> items,
        Func<ODataQuery, string?>? validate = null)
    {
        var (query, code, error) = ODataQuery.Parse(context.Request.Query, spec.Selectable, isCollection: true, spec.MaxTop, spec.Filterable, spec.Orderable);
        if (query is null)
        {
            await GraphError.WriteAsync(context, state, 400, code!, error!.Replace("microsoft.graph.directoryObject", "microsoft.graph." + spec.EntityType, StringComparison.Ordinal));
            return;
        }

        if (validate?.Invoke(query) is { } refusal)
        {
            await GraphError.WriteAsync(context, state, 400, "BadRequest", refusal);
            return;
        }

        PageCursors.Position? at = null;
        if (query.SkipToken is { } token)
        {
            at = state.Cursors.Decode(token);
            if (at is null)
            {
                await GraphError.WriteAsync(context, state, 400, "Request_BadRequest", "Invalid $skiptoken.");
                return;
            }
        }

        var pageSize = state.PageSize(query.Top ?? spec.DefaultTop);
        var select = query.Select ?? spec.DefaultSelect;
        // The filter runs before paging; the cursor resumes where the previous page stopped, so each request costs its
        // own page. Without a filter the source's own Skip applies when a cursor must seek (a projected list skips
        // without projecting).
        // An ordered list is sorted after the filter, once per cursor: later pages resume the sorted enumeration.
        var (window, cursorId) = state.Cursors.Take(at, pageSize, () =>
        {
            var filtered = query.Filter.Count == 0 ? items(query) : items(query).Where(i => query.Filter.All(c => c.Matches(i)));
            return query.OrderBy is { } order && !spec.IgnoresOrderBy ? order.Sort(filtered) : filtered;
        });
        var baseUrl = JsonReply.BaseUrl(context.Request);
        var selectText = query.Select is null ? "" : $"({string.Join(',', query.Select)})";
        var body = new JsonObject { ["@odata.context"] = $"{baseUrl}{spec.ApiVersion}/$metadata#{spec.ContextFragment}{selectText}" };
        if (window.Count > pageSize)
        {
            body["@odata.nextLink"] = NextLink(context.Request, state.Cursors.Encode(cursorId, (at?.Offset ?? 0) + pageSize));
        }

        body["value"] = new JsonArray(window.Take(pageSize).Select(i => (JsonNode?)GraphJson.Project(i, select)).ToArray());
        await JsonReply.WriteAsync(context, 200, body);
    }

    /// <summary>The request URL again with $skiptoken replaced; options keep their order and encoding.</summary>
    public static string NextLink(HttpRequest request, string skipToken)
    {
        var parameters = request.Query
            .Where(q => !q.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
            .Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value.ToString()))
            .Append("$skiptoken=" + skipToken);
        return $"{JsonReply.BaseUrl(request)}{request.Path.Value!.TrimStart('/')}?{string.Join('&', parameters)}";
    }

    public static string Format(int n) => n.ToString(CultureInfo.InvariantCulture);
}
