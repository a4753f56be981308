using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Internal;

/// <summary>Per-source bookkeeping shared by the source's HTTP pipeline: request count, raw-page sequence.</summary>
internal sealed class SourceContext(string name, IRawEvidenceSink sink, TimeProvider time)
{
    private int requests;
    private int sequence;

    public string Name { get; } = name;
    public IRawEvidenceSink Sink { get; } = sink;
    public TimeProvider Time { get; } = time;
    public int Requests => Volatile.Read(ref requests);

    public void CountRequest() => Interlocked.Increment(ref requests);

    public int NextSequence() => Interlocked.Increment(ref sequence);
}
