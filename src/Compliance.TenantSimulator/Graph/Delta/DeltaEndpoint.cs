using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph.Delta;

/// <summary>
/// GET {collection}/delta (and the SDK's {collection}/delta()): a round of pages linked by @odata.nextLink that ends
/// with an @odata.deltaLink; calling the deltaLink later starts the next round, which reports only what changed
/// (learn: graph/delta-query-overview). Options other than $select, $deltatoken and $skiptoken are refused with 400.
/// A token whose state the simulator no longer holds — or whose round was overtaken by a change of the tenant —
/// is answered 410 Gone with a Location to start over ("Synchronization reset" in the same page).
/// </summary>
internal static class DeltaEndpoint
{
    private const int ObjectsPerPage = 200;
    private const int LinksPerPage = 500;

    /// <summary>
    /// Maps GET {path}/delta and {path}/delta() — the SDK calls the function with parentheses; /delta is Graph's
    /// shortcut for it — behind the access guard of <paramref name="resource"/>.
    /// </summary>
    public static void Map(WebApplication app, SimulatorState state, string path, string resource, Func<DeltaCollection> collection)
    {
        async Task DeltaAsync(HttpContext context)
        {
            if (await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, resource))
            {
                await WriteAsync(context, state, collection());
            }
        }

        app.MapGet(path + "/delta()", DeltaAsync);
        app.MapGet(path + "/delta", DeltaAsync);
    }

    public static async Task WriteAsync(HttpContext context, SimulatorState state, DeltaCollection collection)
    {
        var (request, refusal) = Parse(context.Request.Query, collection);
        if (request is null)
        {
            await GraphError.WriteAsync(context, state, 400, "Request_BadRequest", refusal!);
            return;
        }

        var select = request.Select;
        // Delta answers always carry the id, whatever $select names: changes are merged by it.
        var projection = select?.Where(f => f != collection.LinkProperty).Prepend("id").ToList();
        var items = collection.Items().Select(i => i with { Body = GraphJson.Project(i.Body, projection) }).ToList();
        var current = DeltaSnapshot.Of(items);
        var position = request.Position ?? new DeltaPosition(collection.Name, select, null, current.Digest, 0, 0);
        DeltaSnapshot? from = null;
        if (request.IsDeltaLink && position.To == current.Digest)
        {
            position = position with { From = current.Digest };
        }
        else if (request.IsDeltaLink)
        {
            position = position with { From = position.To, To = current.Digest };
        }
        else if (position.To != current.Digest)
        {
            await GoneAsync(context, state, "the tenant changed during this round");
            return;
        }

        if (position.From is { } fromDigest && fromDigest != current.Digest && (from = DeltaSyncStates.Shared.Find(fromDigest)) is null)
        {
            await GoneAsync(context, state, "the sync state of this token is no longer available");
            return;
        }

        // $deltatoken=latest: "sync from now" — a deltaLink for the current state and no objects (learn:
        // graph/delta-query-overview, supported by Microsoft Entra resources).
        var changes = position.From == current.Digest || request.Latest ? [] : DeltaChange.Between(from, items, current);
        var links = select is null || collection.LinkProperty is null || select.Contains(collection.LinkProperty) ? collection.LinkProperty : null;
        var (value, next) = DeltaPage.Cut(changes, position.Index, position.MemberOffset, state.PageSize(ObjectsPerPage), state.PageSize(LinksPerPage), links);
        var url = JsonReply.BaseUrl(context.Request) + context.Request.Path.Value!.TrimStart('/');
        var body = new JsonObject
        {
            ["@odata.context"] = $"{JsonReply.BaseUrl(context.Request)}v1.0/$metadata#{collection.Name}{(select is null ? "" : $"({string.Join(',', select)})")}",
        };
        if (next is { } n)
        {
            body["@odata.nextLink"] = $"{url}?$skiptoken={(position with { Index = n.Index, MemberOffset = n.MemberOffset }).Encode()}";
        }
        else
        {
            DeltaSyncStates.Shared.Remember(current);
            body["@odata.deltaLink"] = $"{url}?$deltatoken={new DeltaPosition(collection.Name, select, null, current.Digest, 0, 0).Encode()}";
        }

        body["value"] = value;
        await JsonReply.WriteAsync(context, 200, body);
    }

    private static Task GoneAsync(HttpContext context, SimulatorState state, string why)
    {
        // The Location is the initial request again: the client must start a full synchronization.
        context.Response.Headers.Location = JsonReply.BaseUrl(context.Request) + context.Request.Path.Value!.TrimStart('/');
        return GraphError.WriteAsync(context, state, 410, "resyncRequired", $"Resync required: {why}. Replace any local copy of the collection and restart with the initial delta request.");
    }

    private sealed record DeltaRequest(IReadOnlyList<string>? Select, DeltaPosition? Position, bool IsDeltaLink, bool Latest);

    private static (DeltaRequest? Request, string? Refusal) Parse(IQueryCollection query, DeltaCollection collection)
    {
        IReadOnlyList<string>? select = null;
        DeltaPosition? position = null;
        var isDeltaLink = false;
        var latest = false;
        foreach (var (key, values) in query)
        {
            var value = values.ToString();
            switch (key.ToLowerInvariant())
            {
                case "$select":
                    var fields = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (fields.FirstOrDefault(f => !collection.Selectable.Contains(f) && f != collection.LinkProperty) is { } unknown)
                    {
                        return (null, $"Could not find a property named '{unknown}' on type 'microsoft.graph.{collection.Name.TrimEnd('s')}'.");
                    }

                    select = fields.Select(f => collection.Selectable.FirstOrDefault(s => s.Equals(f, StringComparison.OrdinalIgnoreCase)) ?? f).ToList();
                    break;
                case "$deltatoken" when value == "latest":
                    latest = true;
                    break;
                case "$deltatoken" or "$skiptoken":
                    position = DeltaPosition.Decode(value, collection.Name);
                    if (position is null)
                    {
                        return (null, $"Invalid {key}.");
                    }

                    isDeltaLink = key.Equals("$deltatoken", StringComparison.OrdinalIgnoreCase);
                    break;
                default:
                    if (key.StartsWith('$'))
                    {
                        return (null, $"Query option '{key}' is not supported with the delta function.");
                    }

                    break;
            }
        }

        // A token carries the initial request's $select; a $select next to it is ignored, as Graph ignores it.
        return (new DeltaRequest(position?.Select ?? select, position, isDeltaLink, latest), null);
    }
}
