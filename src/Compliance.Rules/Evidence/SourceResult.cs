namespace Compliance.Rules.Evidence;

/// <summary>What one evidence source yielded in a run; <see cref="Reason"/> is set whenever it is not fully collected.</summary>
public sealed record SourceResult(
    string Name,
    SourceState State,
    string? Reason,
    long Records,
    int Requests,
    long DurationMs)
{
    /// <summary>For activity sources: the earliest moment the collected (and retained) records cover.</summary>
    public DateTimeOffset? CoverageStart { get; init; }

    /// <summary>How <see cref="CoverageStart"/> was found when it was measured from the source (e.g. where a workspace's rows begin).</summary>
    public string? CoverageNote { get; init; }

    /// <summary>Successful response pages kept as raw evidence.</summary>
    public int Pages { get; init; }

    /// <summary>Attempts repeated after a 429/503/504 or a broken transfer.</summary>
    public int Retries { get; init; }

    /// <summary>Answers that were HTTP 429 (throttled) despite the source's own pacing.</summary>
    public int Throttled { get; init; }

    /// <summary>
    /// Full re-reads of an incremental source whose stored state could not be used: for delta sources a deltaLink refused
    /// (410) or expired; for the sign-in activity report an $orderby refused (400) or answered out of order, or a stored
    /// copy over 7 days old.
    /// </summary>
    public int Resyncs { get; init; }

    public static SourceResult NotCollected(string name, string reason, int requests, long durationMs) =>
        new(name, SourceState.NotCollected, reason, 0, requests, durationMs);
}
