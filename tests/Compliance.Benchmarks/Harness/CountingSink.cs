using Compliance.Rules.Evidence;

namespace Compliance.Benchmarks.Harness;

/// <summary>Counts raw pages instead of keeping them: the collection scenarios measure collectors, not the page store.</summary>
internal sealed class CountingSink : IRawEvidenceSink
{
    private long pages;
    private long bytes;

    public long Pages => Interlocked.Read(ref pages);

    public long Bytes => Interlocked.Read(ref bytes);

    public ValueTask WriteAsync(RawPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        Interlocked.Increment(ref pages);
        Interlocked.Add(ref bytes, page.Body.Length);
        return ValueTask.CompletedTask;
    }
}
