namespace Compliance.Rules.Evidence;

/// <summary>
/// Where directory sources read through Graph's delta function keep, per tenant and source, the deltaLink of their
/// last complete round and the merged objects it stands for (one JSON document per object id). The next run calls
/// the deltaLink and merges the changes into these objects instead of reading the whole collection again.
/// </summary>
public interface IDirectoryDeltaStore
{
    /// <summary>The deltaLink of the last complete round, or null when there is none (never ran, or reset).</summary>
    Task<DeltaCheckpoint?> CheckpointAsync(string tenantId, string source, CancellationToken cancellationToken);

    /// <summary>The merged objects of the last complete round.</summary>
    IAsyncEnumerable<DirectoryObjectRow> ReadAsync(string tenantId, string source, CancellationToken cancellationToken);

    /// <summary>
    /// Records a complete round in one transaction: the objects (all of them when <paramref name="replaceAll"/>, else
    /// the ones upserted and removed since the checkpoint) and the new checkpoint — either all of it, or nothing. The
    /// sequences are enumerated once, as they are written.
    /// </summary>
    Task SaveAsync(
        string tenantId, string source, DeltaCheckpoint checkpoint, bool replaceAll, IEnumerable<DirectoryObjectRow> upserts, IEnumerable<string> removals,
        CancellationToken cancellationToken);

    /// <summary>
    /// Starts a round of <paramref name="source"/> that is written as its pages arrive (IDirectoryDeltaRound):
    /// <paramref name="replaceAll"/> for a round that reads every object again, false for one that continues the stored
    /// checkpoint. Rounds of the same source left unfinished by a process that died more than a day before
    /// <paramref name="startedAt"/> are dropped.
    /// </summary>
    Task<IDirectoryDeltaRound> BeginRoundAsync(string tenantId, string source, bool replaceAll, DateTimeOffset startedAt, CancellationToken cancellationToken);
}
