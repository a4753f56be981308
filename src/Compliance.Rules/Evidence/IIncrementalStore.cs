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

    /// <summary>How many rows of <paramref name="source"/> occurred in [windowStart, windowEnd), as of now.</summary>
    Task<ActivityExtent> ExtentAsync(string tenantId, string source, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken);

    /// <summary>
    /// The rows <paramref name="extent"/> counted — only those whose <see cref="ActivityRow.OwnerKey"/> is
    /// <paramref name="ownerKey"/> when one is given — oldest first, read from the store as they are enumerated. It is
    /// synchronous because the rules and report writers that consume it are.
    /// </summary>
    IEnumerable<ActivityRow> Read(
        string tenantId, string source, DateTimeOffset windowStart, DateTimeOffset windowEnd, ActivityExtent extent, string? ownerKey = null);
}
