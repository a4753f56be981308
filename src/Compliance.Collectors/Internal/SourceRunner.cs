using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Internal;

/// <summary>
/// Runs one source: times it, and turns any failure into a NotCollected result with a reason, so that one failing
/// source never aborts the others and never looks like an empty "all clear".
/// </summary>
internal static class SourceRunner
{
    public static async Task<SourceOutcome<T>> RunAsync<T>(
        SourceContext source, SourceRequirement requirement, Func<CancellationToken, Task<(IReadOnlyList<T> Records, string? PartialReason)>> body, CancellationToken ct)
    {
        var (result, records) = await RunCoreAsync(source, requirement, body, r => r.Count, ct);
        return new SourceOutcome<T>(result, records ?? []);
    }

    /// <summary>An activity source: its records may stay in the incremental store and be read from it when enumerated.</summary>
    public static async Task<ActivityOutcome<T>> RunActivityAsync<T>(
        SourceContext source, SourceRequirement requirement, Func<CancellationToken, Task<(ActivityRecords<T> Records, string? PartialReason)>> body, CancellationToken ct)
        where T : IActivityRecord
    {
        var (result, records) = await RunCoreAsync(source, requirement, body, r => r.Count, ct);
        return new ActivityOutcome<T>(result, records ?? []);
    }

    private static async Task<(SourceResult Result, TRecords? Records)> RunCoreAsync<TRecords>(
        SourceContext source, SourceRequirement requirement, Func<CancellationToken, Task<(TRecords Records, string? PartialReason)>> body, Func<TRecords, int> count,
        CancellationToken ct)
        where TRecords : class
    {
        var started = source.Time.GetTimestamp();
        try
        {
            var (records, partialReason) = await body(ct);
            var ms = (long)source.Time.GetElapsedTime(started).TotalMilliseconds;
            var state = partialReason is null ? SourceState.Collected : SourceState.Partial;
            return (Accounted(new SourceResult(source.Name, state, partialReason, count(records), source.Requests, ms), source), records);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of a source becomes evidence of non-collection; it must not abort the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var ms = (long)source.Time.GetElapsedTime(started).TotalMilliseconds;
            return (Accounted(SourceResult.NotCollected(source.Name, FailureReason.Describe(ex, requirement), source.Requests, ms), source), null);
        }
    }

    private static SourceResult Accounted(SourceResult result, SourceContext source) =>
        result with { Pages = source.Pages, Retries = source.Retries, Throttled = source.Throttled, Resyncs = source.Resyncs };
}
