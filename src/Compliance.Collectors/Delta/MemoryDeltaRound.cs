using System.Runtime.CompilerServices;
using System.Text;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Delta;

/// <summary>
/// A delta round with no store to write to (a collection run without a database): the objects stay in memory, in
/// the order they first arrived, and nothing outlives the run — the next one reads everything again.
/// </summary>
internal sealed class MemoryDeltaRound : IDirectoryDeltaRound
{
    // UTF-8 JSON: 100,000 service principals as strings would weigh twice as much.
    private readonly Dictionary<string, byte[]> objects = new(StringComparer.OrdinalIgnoreCase);

    public Task<IReadOnlyDictionary<string, string>> CurrentAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> current = ids.Where(objects.ContainsKey)
            .ToDictionary(id => id, id => Encoding.UTF8.GetString(objects[id]), StringComparer.OrdinalIgnoreCase);
        return Task.FromResult(current);
    }

    public Task StageAsync(IEnumerable<DirectoryObjectRow> upserts, IEnumerable<string> removals, CancellationToken cancellationToken)
    {
        foreach (var row in upserts)
        {
            objects[row.Id] = Encoding.UTF8.GetBytes(row.Json);
        }

        foreach (var id in removals)
        {
            objects.Remove(id);
        }

        return Task.CompletedTask;
    }

    public Task CompleteAsync(DeltaCheckpoint checkpoint, CancellationToken cancellationToken) => Task.CompletedTask;

    public async IAsyncEnumerable<DirectoryObjectRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var (id, json) in objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new DirectoryObjectRow(id, Encoding.UTF8.GetString(json));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
