using Compliance.Rules.Review;
using Dapper;

namespace Compliance.Storage;

/// <summary>Runs: started before collection, completed with their chain hash once published.</summary>
public sealed class RunRepository(SqliteDatabase database)
{
    public async Task StartAsync(RunInfo run, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO runs (id, tenant, tenant_id, period, as_of, started_at, status)
            VALUES (@Id, @Tenant, @TenantId, @Period, @AsOf, @StartedAt, 'running')
            """,
            new { run.Id, run.Tenant, run.TenantId, run.Period, AsOf = StoredDate.Write(asOf), StartedAt = StoredDate.Write(run.StartedAt) },
            cancellationToken: cancellationToken));
    }

    public async Task CompleteAsync(RunInfo run, string? previousChainHash, string chainHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE runs SET completed_at = @CompletedAt, status = @Status, previous_chain_hash = @previousChainHash, chain_hash = @chainHash
            WHERE id = @Id
            """,
            new { run.Id, CompletedAt = StoredDate.Write(run.CompletedAt), Status = run.Status.ToString().ToLowerInvariant(), previousChainHash, chainHash },
            cancellationToken: cancellationToken));
    }

    public async Task MarkFailedAsync(string runId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET completed_at = @at, status = 'failed' WHERE id = @runId",
            new { runId, at = StoredDate.Write(at) },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Marks the tenant's runs still <c>running</c> that started before <paramref name="startedBefore"/> as <c>failed</c>
    /// (completed at <paramref name="at"/>): a process killed mid-run never gets to close its run, which otherwise stays
    /// <c>running</c> forever. Returns the ids it closed.
    /// </summary>
    public async Task<IReadOnlyList<string>> FailStaleRunsAsync(string tenant, string exceptRunId, DateTimeOffset startedBefore, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var running = await connection.QueryAsync<(string Id, string StartedAt)>(new CommandDefinition(
            "SELECT id, started_at FROM runs WHERE tenant = @tenant AND status = 'running' AND id <> @exceptRunId",
            new { tenant, exceptRunId },
            cancellationToken: cancellationToken));
        var stale = running.Where(r => StoredDate.Read(r.StartedAt) < startedBefore).Select(r => r.Id).ToList();
        foreach (var id in stale)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE runs SET completed_at = @at, status = 'failed' WHERE id = @id AND status = 'running'",
                new { id, at = StoredDate.Write(at) },
                cancellationToken: cancellationToken));
        }

        return stale;
    }

    /// <summary>The tenant's most recent run that published (has a chain hash), other than <paramref name="exceptRunId"/>.</summary>
    public async Task<StoredRun?> LatestPublishedAsync(string tenant, string exceptRunId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredRun>(new CommandDefinition(
            """
            SELECT id AS Id, tenant AS Tenant, tenant_id AS TenantId, period AS Period, as_of AS AsOf, started_at AS StartedAt,
                   completed_at AS CompletedAt, status AS Status, previous_chain_hash AS PreviousChainHash, chain_hash AS ChainHash
            FROM runs WHERE tenant = @tenant AND id <> @exceptRunId AND chain_hash IS NOT NULL
            ORDER BY completed_at DESC, rowid DESC LIMIT 1
            """,
            new { tenant, exceptRunId },
            cancellationToken: cancellationToken));
    }
}
