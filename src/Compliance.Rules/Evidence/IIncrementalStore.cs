namespace Compliance.Rules.Evidence;

/// <summary>
/// Where activity sources (sign-ins, message trace, audit) keep what they already read, per tenant: the time range a
/// source has covered (its watermark) and the records themselves, keyed by record id so that the overlap a second
/// run re-reads lands on the same rows — no loss at the boundary, no duplicates.
/// </summary>
public interface IIncrementalStore
{
    /// <summary>The range <paramref name="key"/> has covered without a gap, or null when it never ran.</summary>
    Task<CoveredRange?> CoverageAsync(string tenantId, string key, CancellationToken cancellationToken);

    Task SaveCoverageAsync(string tenantId, string key, CoveredRange covered, CancellationToken cancellationToken);

    /// <summary>Inserts new rows and replaces rows whose id is already known.</summary>
    Task UpsertAsync(string tenantId, string source, IReadOnlyList<ActivityRow> rows, CancellationToken cancellationToken);

    /// <summary>Rows of <paramref name="source"/> that occurred in [windowStart, windowEnd), oldest first.</summary>
    IAsyncEnumerable<ActivityRow> ReadAsync(string tenantId, string source, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken);
}
