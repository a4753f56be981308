using System.Runtime.CompilerServices;
using Compliance.Rules.Evidence;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Compliance.Storage;

/// <summary>
/// Delta checkpoints and merged directory objects (Migrations/0009_directory_delta.sql). A round is saved in one
/// transaction — objects and deltaLink together — so a run that fails half-way leaves the previous round in force
/// and its next run asks again from there: nothing is lost, nothing skipped.
/// </summary>
public sealed class DirectoryDeltaStore(SqliteDatabase database) : IDirectoryDeltaStore
{
    public async Task<DeltaCheckpoint?> CheckpointAsync(string tenantId, string source, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Link, string At)?>(new CommandDefinition(
            "SELECT delta_link AS Link, received_at AS At FROM directory_delta_checkpoints WHERE tenant_id = @tenantId AND source = @source",
            new { tenantId, source }, cancellationToken: cancellationToken));
        return row is { } r ? new DeltaCheckpoint(r.Link, StoredDate.Read(r.At)!.Value) : null;
    }

    public async IAsyncEnumerable<DirectoryObjectRow> ReadAsync(string tenantId, string source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, json FROM directory_delta_objects WHERE tenant_id = $tenant AND source = $source ORDER BY id";
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$source", source);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new DirectoryObjectRow(reader.GetString(0), reader.GetString(1));
        }
    }

    public async Task SaveAsync(
        string tenantId, string source, DeltaCheckpoint checkpoint, bool replaceAll, IEnumerable<DirectoryObjectRow> upserts, IEnumerable<string> removals,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(removals);
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (replaceAll)
        {
            await DeleteAllAsync(connection, transaction, tenantId, source, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM directory_delta_objects WHERE tenant_id = @tenantId AND source = @source AND id = @id",
            removals.Select(id => new { tenantId, source, id }), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO directory_delta_objects (tenant_id, source, id, json) VALUES (@tenantId, @source, @Id, @Json)
            ON CONFLICT (tenant_id, source, id) DO UPDATE SET json = excluded.json
            """,
            upserts.Select(r => new { tenantId, source, r.Id, r.Json }), transaction, cancellationToken: cancellationToken));
        await SaveCheckpointAsync(connection, transaction, tenantId, source, checkpoint, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IDirectoryDeltaRound> BeginRoundAsync(string tenantId, string source, bool replaceAll, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var roundId = Guid.NewGuid().ToString("N");
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A round lasts minutes: one of this source started a day before is a dead process's, and its rows go.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM directory_delta_rounds WHERE tenant_id = @tenantId AND source = @source AND started_at < @stale",
            new { tenantId, source, stale = StoredDate.Write(startedAt.ToUniversalTime().AddDays(-1)) }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO directory_delta_rounds (round_id, tenant_id, source, replace_all, started_at) VALUES (@roundId, @tenantId, @source, @replaceAll, @at)",
            new { roundId, tenantId, source, replaceAll, at = StoredDate.Write(startedAt.ToUniversalTime()) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new DirectoryDeltaRound(database, roundId, tenantId, source, replaceAll);
    }

    internal static Task<int> DeleteAllAsync(SqliteConnection connection, System.Data.Common.DbTransaction transaction, string tenantId, string source, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM directory_delta_objects WHERE tenant_id = @tenantId AND source = @source", new { tenantId, source }, transaction, cancellationToken: ct));

    internal static Task<int> SaveCheckpointAsync(SqliteConnection connection, System.Data.Common.DbTransaction transaction, string tenantId, string source, DeltaCheckpoint checkpoint, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO directory_delta_checkpoints (tenant_id, source, delta_link, received_at) VALUES (@tenantId, @source, @link, @at)
            ON CONFLICT (tenant_id, source) DO UPDATE SET delta_link = excluded.delta_link, received_at = excluded.received_at
            """,
            new { tenantId, source, link = checkpoint.DeltaLink, at = StoredDate.Write(checkpoint.ReceivedAt.ToUniversalTime()) }, transaction, cancellationToken: ct));
}
