using System.Collections.Concurrent;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Tests;

internal sealed class MemorySink : IRawEvidenceSink
{
    public ConcurrentQueue<RawPage> Pages { get; } = new();

    public ValueTask WriteAsync(RawPage page, CancellationToken cancellationToken)
    {
        Pages.Enqueue(page);
        return ValueTask.CompletedTask;
    }
}
