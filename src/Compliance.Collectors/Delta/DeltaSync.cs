using System.Text;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace Compliance.Collectors.Delta;

/// <summary>
/// Reads one directory collection through Graph's delta function and keeps it in step across runs. Without a stored
/// checkpoint (or without a store) a full round reads every object; with one, the stored deltaLink is called and only
/// the changes are merged into the stored objects. Only a complete round — the last page carries @odata.deltaLink —
/// is saved, objects and deltaLink in one transaction, so a failed round leaves the previous one in force and the
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
    public async Task<IReadOnlyCollection<byte[]>> SyncAsync(GraphServiceClient client, DeltaRequests requests, CancellationToken ct)
    {
        Task<GraphDeltaPage> Delta(string? link, CancellationToken t) => GraphDeltaPage.GetAsync(client, requests.Delta(link), source.Name, t);

        var checkpoint = store is null ? null : await store.CheckpointAsync(tenantId, source.Name, ct);
        var link = checkpoint is null ? null : Rebase(checkpoint.DeltaLink);
        if (checkpoint is not null && link is not null && source.Time.GetUtcNow() - checkpoint.ReceivedAt < LinkLifetime)
        {
            var objects = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
            await foreach (var row in store!.ReadAsync(tenantId, source.Name, ct))
            {
                objects[row.Id] = Encoding.UTF8.GetBytes(row.Json);
            }

            try
            {
                return await RoundAsync(objects, await Delta(link, ct), replaceAll: false, Delta, ct);
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

        var fresh = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        if (requests is { Latest: { } latest, List: { } list })
        {
            var now = await GraphDeltaPage.GetAsync(client, latest(), source.Name, ct);
            var deltaLink = now.DeltaLink ?? throw new MalformedPageException($"{source.Name}: $deltatoken=latest answered without @odata.deltaLink");
            // The listing's pages are followed to their end; its last page is given the deltaLink taken before it.
            Task<GraphDeltaPage> Listing(string? next, CancellationToken t) => ListPageAsync(client, list, next, deltaLink, t);
            return await RoundAsync(fresh, await Listing(null, ct), replaceAll: true, Listing, ct);
        }

        return await RoundAsync(fresh, await Delta(null, ct), replaceAll: true, Delta, ct);
    }

    private async Task<GraphDeltaPage> ListPageAsync(
        GraphServiceClient client, Func<string?, Microsoft.Kiota.Abstractions.RequestInformation> list, string? next, string deltaLink, CancellationToken ct)
    {
        var page = await GraphDeltaPage.GetAsync(client, list(next), source.Name, ct);
        return page.NextLink is null ? page with { DeltaLink = deltaLink } : page;
    }

    private async Task<IReadOnlyCollection<byte[]>> RoundAsync(
        Dictionary<string, byte[]> objects, GraphDeltaPage current, bool replaceAll, Func<string, CancellationToken, Task<GraphDeltaPage>> page, CancellationToken ct)
    {
        var touched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var removed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            foreach (var change in current.Value)
            {
                if (DeltaMerge.Apply(objects, change) is not { } applied)
                {
                    unidentified++;
                    continue;
                }

                (applied.Removed ? touched : removed).Remove(applied.Id);
                (applied.Removed ? removed : touched).Add(applied.Id);
            }

            if (current.DeltaLink is { Length: > 0 } deltaLink)
            {
                if (store is not null)
                {
                    // Rows are made one at a time as the store writes them: a full round of 100,000 objects is not copied.
                    var upserts = touched.Select(id => new DirectoryObjectRow(id, Encoding.UTF8.GetString(objects[id])));
                    await store.SaveAsync(tenantId, source.Name, new DeltaCheckpoint(deltaLink, source.Time.GetUtcNow()), replaceAll, upserts, removed, ct);
                }

                return objects.Values;
            }

            current = current.NextLink is { Length: > 0 } next
                ? await page(next, ct)
                : throw new MalformedPageException($"{source.Name}: delta page with neither @odata.nextLink nor @odata.deltaLink");
        }
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
