namespace Compliance.Storage;

/// <summary>A row of the runs table. Positional records need Int64 for SQLite integers; this one has none.</summary>
public sealed record StoredRun(
    string Id,
    string Tenant,
    string TenantId,
    string Period,
    string AsOf,
    string StartedAt,
    string? CompletedAt,
    string Status,
    string? PreviousChainHash,
    string? ChainHash);
