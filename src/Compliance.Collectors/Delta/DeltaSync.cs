using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace Compliance.Collectors.Delta;

/// <summary>
/// Reads one directory collection through Graph's delta function and keeps it in step across runs. Without a stored
/// checkpoint (or without a store) a full round reads every object; with one, the stored deltaLink is called and only
/// the changes are merged into the stored objects. Pages are staged in the store as they arrive (IDirectoryDeltaRound);
/// only a complete round — the last page carries @odata.deltaLink — becomes the source's objects and deltaLink, in one
/// transaction, so a failed round leaves the previous one in force and the
/// source is not collected (never the stale copy passed off as this run's). A token Graph can no longer serve — 410
/// Gone (learn: graph/delta-query-overview, "Synchronization reset") or 400 syncStateNotFound once a deltaLink is older
/// than Graph keeps it (7 days for directory resources, devblogs.microsoft.com/microsoft365dev "Duration of change
/// tracking tokens for identity and education resources") — starts a full round instead, counted on the source.
/// </summary>
internal sealed class DeltaSync(IDirectoryDeltaStore? store, string tenantId, SourceContext source, Uri graphBase)
{
    private int unidentified;

    /// <summary>Objects of this run's pages that carried no id: they cannot be merged, so the source counts them.</summary>
    public int Unidentified => unidentified;

    /// <summary>Graph's lifetime of a directory deltaLink: an older one is not even tried.</summary>
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    /// <summary>The collection's objects (UTF-8 JSON each) after this run, read with <paramref name="requests"/> through <paramref name="client"/>.</summary>
    public async Task<IReadOnlyCollection<byte[]>> SyncAsync(GraphServiceClient client, DeltaRequests requests, CancellationToken ct) =>
        await SyncAsync(client, requests, o => Encoding.UTF8.GetBytes(o.GetRawText()), ct);

    /// <summary>
    /// The collection's objects after this run, each turned by <paramref name="project"/> into what the caller keeps
    /// (null: skipped). The round's pages go to the store as they arrive and the merged objects are read back from it
    /// one at a time, so the run holds the projected records and one page — not the collection's JSON, nor a typed
    /// model of every object (issue 4, requirement 5). The element passed to <paramref name="project"/> lives only
    /// for that call.
    /// </summary>
    public async Task<IReadOnlyList<T>> SyncAsync<T>(GraphServiceClient client, DeltaRequests requests, Func<JsonElement, T?> project, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(project);
        Task<GraphDeltaPage> Delta(string? link, CancellationToken t) => GraphDeltaPage.GetAsync(client, requests.Delta(link), source.Name, t);

        var checkpoint = store is null ? null : await store.CheckpointAsync(tenantId, source.Name, ct);
        var link = checkpoint is null ? null : Rebase(checkpoint.DeltaLink);
        if (checkpoint is not null && link is not null && source.Time.GetUtcNow() - checkpoint.ReceivedAt < LinkLifetime)
        {
            try
            {
                return await RoundAsync(await Delta(link, ct), replaceAll: false, Delta, project, ct);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 410 || (e.ResponseStatusCode == 400 && e.Error?.Code == "syncStateNotFound"))
            {
                source.CountResync();
            }
        }
        else if (checkpoint is not null)
        {
            source.CountResync();
        }

        if (requests is { Latest: { } latest, List: { } list })
        {
            var now = await GraphDeltaPage.GetAsync(client, latest(), source.Name, ct);
            var deltaLink = now.DeltaLink ?? throw new MalformedPageException($"{source.Name}: $deltatoken=latest answered without @odata.deltaLink");
            // The listing's pages are followed to their end; its last page is given the deltaLink taken before it.
            Task<GraphDeltaPage> Listing(string? next, CancellationToken t) => ListPageAsync(client, list, next, deltaLink, t);
            return await RoundAsync(await Listing(null, ct), replaceAll: true, Listing, project, ct);
        }

        return await RoundAsync(await Delta(null, ct), replaceAll: true, Delta, project, ct);
    }

    private async Task<GraphDeltaPage> ListPageAsync(
        GraphServiceClient client, Func<string?, Microsoft.Kiota.Abstractions.RequestInformation> list, string? next, string deltaLink, CancellationToken ct)
    {
        var page = await GraphDeltaPage.GetAsync(client, list(next), source.Name, ct);
        return page.NextLink is null ? page with { DeltaLink = deltaLink } : page;
    }

    /// <summary>
    /// One round, page by page: each page's changes are merged into the current copies of the objects they touch (as
    /// staged earlier in the round or stored by the last one) and staged; the page is then let go. Only a complete
    /// round — the last page carries @odata.deltaLink — is made the source's objects, with its deltaLink.
    /// </summary>
    private async Task<IReadOnlyList<T>> RoundAsync<T>(
        GraphDeltaPage current, bool replaceAll, Func<string, CancellationToken, Task<GraphDeltaPage>> page, Func<JsonElement, T?> project, CancellationToken ct)
        where T : class
    {
        await using var round = store is null ? new MemoryDeltaRound() : await store.BeginRoundAsync(tenantId, source.Name, replaceAll, source.Time.GetUtcNow(), ct);
        while (true)
        {
            await StagePageAsync(round, current.Value, ct);
            if (current.DeltaLink is { Length: > 0 } deltaLink)
            {
                await round.CompleteAsync(new DeltaCheckpoint(deltaLink, source.Time.GetUtcNow()), ct);
                break;
            }

            current = current.NextLink is { Length: > 0 } next
                ? await page(next, ct)
                : throw new MalformedPageException($"{source.Name}: delta page with neither @odata.nextLink nor @odata.deltaLink");
        }

        var records = new List<T>();
        await foreach (var row in round.ReadAsync(ct))
        {
            using var document = JsonDocument.Parse(row.Json);
            if (project(document.RootElement) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    private async Task StagePageAsync(IDirectoryDeltaRound round, IReadOnlyList<JsonObject> changes, CancellationToken ct)
    {
        var ids = changes.Select(c => (string?)c["id"]).OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var objects = (await round.CurrentAsync(ids, ct)).ToDictionary(o => o.Key, o => Encoding.UTF8.GetBytes(o.Value), StringComparer.OrdinalIgnoreCase);
        var touched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var removed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var change in changes)
        {
            if (DeltaMerge.Apply(objects, change) is not { } applied)
            {
                unidentified++;
                continue;
            }

            (applied.Removed ? touched : removed).Remove(applied.Id);
            (applied.Removed ? removed : touched).Add(applied.Id);
        }

        await round.StageAsync(touched.Select(id => new DirectoryObjectRow(id, Encoding.UTF8.GetString(objects[id]))), removed, ct);
    }

    /// <summary>
    /// The stored deltaLink on the configured Graph endpoint: the token is what matters, and the bearer token must
    /// only ever go to the configured host (a simulator restarted on another port, an edited database). Null when the
    /// link is not under the endpoint's API version, which makes the run start over.
    /// </summary>
    private string? Rebase(string deltaLink)
    {
        if (!Uri.TryCreate(deltaLink, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var version = graphBase.AbsolutePath.TrimEnd('/');
        return uri.AbsolutePath.StartsWith(version + "/", StringComparison.OrdinalIgnoreCase)
            ? graphBase.AbsoluteUri.TrimEnd('/') + uri.PathAndQuery[version.Length..]
            : null;
    }
}
