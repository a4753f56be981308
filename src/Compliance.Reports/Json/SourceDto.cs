namespace Compliance.Reports.Json;

/// <summary>
/// One entry of findings.json "sources": the request accounting of issue 4 requirement 7. Pages, retries and throttled
/// were added after the first contract, resyncs (full re-reads of an incremental source whose stored state could not be
/// used) after them — each additive: older readers ignore them.
/// </summary>
internal sealed record SourceDto(
    string Name, string Status, string? Reason, long Records, int Requests, long DurationMs, int Pages, int Retries, int Throttled, int Resyncs);
