using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Incremental;

/// <summary>
/// The incremental bookkeeping of one activity source. <see cref="PlanAsync"/> turns the stored watermark (the range
/// already read without a gap) into the range still to read, starting a small overlap before the watermark because
/// log records can arrive late; pages are upserted by record id as they arrive, so the overlap never duplicates and
/// memory stays flat; the window's records stay in the store and are read from it whenever the review enumerates them
/// (StoredActivityRecords). Without a store every run reads the whole window and de-duplicates in memory.
/// </summary>
internal sealed class ActivityLedger<T>(IIncrementalStore? store, string tenantId, string source, JsonTypeInfo<T> json, Func<T, string> id)
    where T : IActivityRecord
{
    private readonly Dictionary<string, T> memory = new(StringComparer.Ordinal);

    /// <summary>The range to read for <paramref name="key"/> (a source, or a source and one sender), or null if nothing is new.</summary>
    public async Task<CoveredRange?> PlanAsync(string key, ReviewWindow window, TimeSpan overlap, CancellationToken ct)
    {
        var covered = store is null ? null : await store.CoverageAsync(tenantId, key, ct);
        var from = window.Start;
        if (covered is not null && covered.From <= window.Start && covered.To >= window.Start)
        {
            var resume = covered.To - overlap;
            from = resume > window.Start ? resume : window.Start;
        }

        return from < window.End ? new CoveredRange(from, window.End) : null;
    }

    public async Task AddAsync(IReadOnlyList<T> records, CancellationToken ct)
    {
        if (store is null)
        {
            foreach (var r in records)
            {
                memory[id(r)] = r;
            }

            return;
        }

        if (records.Count > 0)
        {
            var rows = records.Select(r => new ActivityRow(id(r), r.OccurredAt, JsonSerializer.Serialize(r, json), ActivityOwner.Key(r.Owner))).ToList();
            await store.UpsertAsync(tenantId, source, rows, ct);
        }
    }

    /// <summary>Records that <paramref name="read"/> is now covered; joined to the stored range when they touch.</summary>
    public async Task CompleteAsync(string key, CoveredRange read, CancellationToken ct)
    {
        if (store is null)
        {
            return;
        }

        var covered = await store.CoverageAsync(tenantId, key, ct);
        var merged = covered is not null && covered.From <= read.To && covered.To >= read.From
            ? new CoveredRange(Min(covered.From, read.From), Max(covered.To, read.To))
            : read;
        await store.SaveCoverageAsync(tenantId, key, merged, ct);
    }

    public async Task<ActivityRecords<T>> ReadWindowAsync(ReviewWindow window, CancellationToken ct)
    {
        if (store is null)
        {
            return ActivityRecords.From(memory.Values.Where(r => r.OccurredAt >= window.Start && r.OccurredAt < window.End).OrderBy(r => r.OccurredAt));
        }

        var extent = await store.ExtentAsync(tenantId, source, window.Start, window.End, ct);
        return new StoredActivityRecords<T>(store, tenantId, source, window, extent, json);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
