using Dapper;

namespace Compliance.Storage;

/// <summary>
/// Storage:RetentionMonths. Raw evidence pages and normalised evidence rows (which hold UPNs, IPs and other personal
/// data, architecture.md §6) of runs started before the cutoff are deleted; the run, its control results, findings,
/// report hashes and attestations are kept, so history, trend and the hash chains survive. The run is stamped
/// evidence_purged_at so that verify reports "purged" instead of "changed".
/// </summary>
public sealed class RetentionRepository(SqliteDatabase database)
{
    // Normalised evidence tables of 0001. Later migrations that add evidence tables keyed by run_id add theirs here.
    private static readonly string[] EvidenceTables =
        ["applications", "service_principals", "credentials", "app_role_grants", "access_policies"];

    public async Task<PurgeResult> PurgeAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        // Deleted personal data must not linger in free pages of the file: secure_delete overwrites it with zeros
        // (sqlite.org/pragma.html#pragma_secure_delete).
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA secure_delete=ON", cancellationToken: cancellationToken));
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = StoredDate.Write(cutoff);
        var runIds = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM runs WHERE started_at < @before AND evidence_purged_at IS NULL", new { before }, transaction, cancellationToken: cancellationToken))).ToList();
        long pages = 0, rows = 0;
        foreach (var runId in runIds)
        {
            pages += await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM evidence_pages WHERE run_id = @runId", new { runId }, transaction, cancellationToken: cancellationToken));
            foreach (var table in EvidenceTables)
            {
                rows += await connection.ExecuteAsync(new CommandDefinition(
                    $"DELETE FROM {table} WHERE run_id = @runId", new { runId }, transaction, cancellationToken: cancellationToken));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE runs SET evidence_purged_at = @at WHERE id = @runId", new { runId, at = StoredDate.Write(now) }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new PurgeResult(runIds.Count, pages, rows);
    }
}
