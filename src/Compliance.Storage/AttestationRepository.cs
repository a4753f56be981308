using Compliance.Rules.Review;
using Dapper;

namespace Compliance.Storage;

/// <summary>Reviewer sign-offs. Each extends the tenant's attestation chain; rows are only ever added.</summary>
public sealed class AttestationRepository(SqliteDatabase database)
{
    private const string Columns =
        "seq AS Seq, run_id AS RunId, tenant AS Tenant, reviewer AS Reviewer, statement AS Statement, attested_at AS AttestedAt, " +
        "manifest_sha256 AS ManifestSha256, previous_hash AS PreviousHash, chain_hash AS ChainHash, attested_report AS AttestedReport, " +
        "attested_report_sha256 AS AttestedReportSha256, attested_report_bytes AS AttestedReportBytes, attested_workbook AS AttestedWorkbook, " +
        "attested_workbook_sha256 AS AttestedWorkbookSha256, attested_workbook_bytes AS AttestedWorkbookBytes";

    /// <summary>
    /// Appends a sign-off. <paramref name="chain"/> gets the tenant's current head hash and returns the new hash; it runs
    /// inside the write transaction (BEGIN IMMEDIATE), so two concurrent attestations can never both extend the same head.
    /// <paramref name="attestedReport"/> is the PDF with the attestation page filled in and <paramref name="attestedWorkbook"/>
    /// the workbook with its Summary sheet filled in (null when the run published none), whose hashes the chain covers.
    /// </summary>
    public async Task<StoredAttestation> AppendAsync(
        string runId, string tenant, string reviewer, string statement, DateTimeOffset attestedAt, string manifestSha256,
        StoredReportFile attestedReport, StoredReportFile? attestedWorkbook, Func<string?, string> chain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attestedReport);
        ArgumentNullException.ThrowIfNull(chain);
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        var head = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT chain_hash FROM attestations WHERE tenant = @tenant ORDER BY seq DESC LIMIT 1", new { tenant }, transaction, cancellationToken: cancellationToken));
        var hash = chain(head);
        var at = StoredDate.Write(attestedAt);
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO attestations (run_id, tenant, reviewer, statement, attested_at, manifest_sha256, previous_hash, chain_hash,
                                      attested_report, attested_report_sha256, attested_report_bytes,
                                      attested_workbook, attested_workbook_sha256, attested_workbook_bytes)
            VALUES (@runId, @tenant, @reviewer, @statement, @at, @manifestSha256, @head, @hash, @Name, @Sha256, @Bytes,
                    @workbook, @workbookSha256, @workbookBytes);
            SELECT last_insert_rowid();
            """,
            new
            {
                runId, tenant, reviewer, statement, at, manifestSha256, head, hash, attestedReport.Name, attestedReport.Sha256, attestedReport.Bytes,
                workbook = attestedWorkbook?.Name, workbookSha256 = attestedWorkbook?.Sha256, workbookBytes = attestedWorkbook?.Bytes,
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new StoredAttestation(seq, runId, tenant, reviewer, statement, at, manifestSha256, head, hash, attestedReport.Name, attestedReport.Sha256,
            attestedReport.Bytes, attestedWorkbook?.Name, attestedWorkbook?.Sha256, attestedWorkbook?.Bytes);
    }

    /// <summary>Every attestation of the tenant in chain order (for verify).</summary>
    public async Task<IReadOnlyList<StoredAttestation>> ChainAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredAttestation>(new CommandDefinition(
            $"SELECT {Columns} FROM attestations WHERE tenant = @tenant ORDER BY seq", new { tenant }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The tenant's most recent sign-off, for the next review's attestation page and GOV-003 (review interval).</summary>
    public async Task<AttestationInfo?> LatestAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredAttestation>(new CommandDefinition(
            $"SELECT {Columns} FROM attestations WHERE tenant = @tenant ORDER BY seq DESC LIMIT 1", new { tenant }, cancellationToken: cancellationToken));
        return row is null ? null : ToInfo(row);
    }

    /// <summary>The most recent sign-off of one run, if it has been attested.</summary>
    public async Task<AttestationInfo?> ForRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredAttestation>(new CommandDefinition(
            $"SELECT {Columns} FROM attestations WHERE run_id = @runId ORDER BY seq DESC LIMIT 1", new { runId }, cancellationToken: cancellationToken));
        return row is null ? null : ToInfo(row);
    }

    /// <summary>Tenants that have at least one attestation.</summary>
    public async Task<IReadOnlyList<string>> TenantsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT tenant FROM attestations ORDER BY tenant", cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static AttestationInfo ToInfo(StoredAttestation row) =>
        new(row.RunId, row.Reviewer, row.Statement, StoredDate.Read(row.AttestedAt)!.Value, row.ChainHash);
}
