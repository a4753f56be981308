using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Incremental;

/// <summary>
/// The incremental bookkeeping of one activity source. <see cref="PlanAsync"/> turns the stored watermark (the range
/// already read without a gap) into the range still to read, starting a small overlap before the watermark because
/// log records can arrive late; pages are upserted by record id as they arrive, so the overlap never duplicates and
/// memory stays flat; the window's records are read back from the store at the end. Without a store every run reads
/// the whole window and de-duplicates in memory. Records read back share their repeated strings through a fresh
/// <paramref name="compactor"/> per read (CompactRecords): they are what evaluation keeps in memory.
/// </summary>
internal sealed class ActivityLedger<T>(
    IIncrementalStore? store, string tenantId, string source, JsonTypeInfo<T> json, Func<T, string> id, Func<T, DateTimeOffset> occurredAt,
    Func<Func<T, T>> compactor)
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
            var rows = records.Select(r => new ActivityRow(id(r), occurredAt(r), JsonSerializer.Serialize(r, json))).ToList();
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

    public async Task<IReadOnlyList<T>> ReadWindowAsync(ReviewWindow window, CancellationToken ct)
    {
        if (store is null)
        {
            return memory.Values.Where(r => occurredAt(r) >= window.Start && occurredAt(r) < window.End).OrderBy(occurredAt).ToList();
        }

        var result = new List<T>();
        var compact = compactor();
        await foreach (var row in store.ReadAsync(tenantId, source, window.Start, window.End, ct))
        {
            result.Add(compact(JsonSerializer.Deserialize(row.Json, json) ?? throw new InvalidDataException($"{source}: stored record {row.Id} is empty")));
        }

        return result;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
