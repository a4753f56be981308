using Compliance.Collectors.Pacing;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Internal;

/// <summary>
/// Per-source bookkeeping shared by the source's HTTP pipeline: the request accounting that goes into findings.json
/// (requests, pages, retries, 429s), the raw-page sequence, and the throttling budget the source spends from.
/// </summary>
internal sealed class SourceContext(string name, IRawEvidenceSink sink, TimeProvider time, RequestPacer? pacer, Func<HttpRequestMessage, int>? cost, RetryPolicy retry)
{
    private int requests;
    private int pages;
    private int retries;
    private int throttled;
    private int resyncs;
    private int sequence;

    public SourceContext(string name, IRawEvidenceSink sink, TimeProvider time)
        : this(name, sink, time, null, null, RetryPolicy.Default)
    {
    }

    public string Name { get; } = name;
    public IRawEvidenceSink Sink { get; } = sink;
    public TimeProvider Time { get; } = time;
    public RequestPacer? Pacer { get; } = pacer;
    public RetryPolicy Retry { get; } = retry;
    public int Requests => Volatile.Read(ref requests);
    public int Pages => Volatile.Read(ref pages);
    public int Retries => Volatile.Read(ref retries);
    public int Throttled => Volatile.Read(ref throttled);
    public int Resyncs => Volatile.Read(ref resyncs);

    /// <summary>What one request costs from the pacer's budget (resource units for the directory, 1 elsewhere).</summary>
    public int CostOf(HttpRequestMessage request) => cost?.Invoke(request) ?? 1;

    public void CountRequest() => Interlocked.Increment(ref requests);

    public void CountPage() => Interlocked.Increment(ref pages);

    public void CountRetry() => Interlocked.Increment(ref retries);

    public void CountThrottled() => Interlocked.Increment(ref throttled);

    /// <summary>A delta source whose stored deltaLink could not be used and that read its collection in full.</summary>
    public void CountResync() => Interlocked.Increment(ref resyncs);

    public int NextSequence() => Interlocked.Increment(ref sequence);
}
