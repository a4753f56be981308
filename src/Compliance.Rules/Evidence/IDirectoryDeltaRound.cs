namespace Compliance.Rules.Evidence;

/// <summary>
/// One delta round of a directory source, written page by page as the pages arrive so that the collection never holds
/// the whole source (issue 4, requirement 5). The round's objects are kept apart from the source's stored ones until
/// <see cref="CompleteAsync"/> makes them the source's objects together with the new checkpoint, in one transaction;
/// a round disposed before that leaves the previous round in force and its staged objects are dropped.
/// </summary>
public interface IDirectoryDeltaRound : IAsyncDisposable
{
    /// <summary>
    /// The current JSON of the objects with these ids: as staged earlier in this round, otherwise (in a round that
    /// continues the stored one) as the last complete round left them. An id removed in this round, or unknown, is absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> CurrentAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Stages the objects one page changed (merged, whole) and the ids it removed. The sequences are enumerated once.</summary>
    Task StageAsync(IEnumerable<DirectoryObjectRow> upserts, IEnumerable<string> removals, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the round: its staged objects become the source's (replacing all of them when the round started over,
    /// else upserted and removed one by one) and <paramref name="checkpoint"/> its checkpoint — all of it, or nothing.
    /// </summary>
    Task CompleteAsync(DeltaCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>The source's objects after the completed round, one at a time.</summary>
    IAsyncEnumerable<DirectoryObjectRow> ReadAsync(CancellationToken cancellationToken);
}
