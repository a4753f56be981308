namespace Compliance.Storage;

/// <summary>
/// A row of the attestations table (SQLite integers are Int64 for Dapper positional records). The AttestedReport
/// fields describe the PDF as `attest` rewrote it with the attestation page filled in (null before migration 0007).
/// </summary>
public sealed record StoredAttestation(
    long Seq,
    string RunId,
    string Tenant,
    string Reviewer,
    string Statement,
    string AttestedAt,
    string ManifestSha256,
    string? PreviousHash,
    string ChainHash,
    string? AttestedReport,
    string? AttestedReportSha256,
    long? AttestedReportBytes);
