namespace Compliance.Storage;

/// <summary>
/// A row of the attestations table (SQLite integers are Int64 for Dapper positional records). The AttestedReport
/// fields describe the PDF as `attest` rewrote it with the attestation page filled in (null before migration 0007), the
/// AttestedWorkbook fields the workbook with its Summary sheet filled in (null before migration 0010).
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
    long? AttestedReportBytes,
    string? AttestedWorkbook,
    string? AttestedWorkbookSha256,
    long? AttestedWorkbookBytes)
{
    /// <summary>The report files this sign-off rewrote, as it left them (none for a sign-off before migration 0007).</summary>
    public IReadOnlyList<StoredReportFile> AttestedFiles =>
    [
        .. AttestedReport is null ? [] : new[] { new StoredReportFile(AttestedReport, AttestedReportSha256!, AttestedReportBytes!.Value) },
        .. AttestedWorkbook is null ? [] : new[] { new StoredReportFile(AttestedWorkbook, AttestedWorkbookSha256!, AttestedWorkbookBytes!.Value) },
    ];
}
