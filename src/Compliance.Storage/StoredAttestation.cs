namespace Compliance.Storage;

/// <summary>A row of the attestations table (SQLite integers are Int64 for Dapper positional records).</summary>
public sealed record StoredAttestation(
    long Seq,
    string RunId,
    string Tenant,
    string Reviewer,
    string Statement,
    string AttestedAt,
    string ManifestSha256,
    string? PreviousHash,
    string ChainHash);
