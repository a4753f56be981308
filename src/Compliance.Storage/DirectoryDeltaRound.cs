using System.Runtime.CompilerServices;
using System.Text.Json;
using Compliance.Rules.Evidence;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Compliance.Storage;

/// <summary>
/// One delta round staged in directory_delta_staged (Migrations/0011_directory_delta_rounds.sql) page by page, each
/// page in its own short transaction — a round of 100,000 objects is never held in memory, and other sources keep
/// writing meanwhile (one write transaction for a whole paced round would make them wait past busy_timeout). Complete
/// moves the staged objects and the checkpoint into place in one transaction; Dispose without it deletes the round.
/// </summary>
internal sealed class DirectoryDeltaRound(SqliteDatabase database, string roundId, string tenantId, string source, bool replaceAll) : IDirectoryDeltaRound
{
    private bool completed;

    public async Task<IReadOnlyDictionary<string, string>> CurrentAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var connection = await database.ConnectAsync(cancellationToken);
        // One query a page: the ids go in as one JSON array (json_each) instead of up to 999 bound parameters. A staged
        // row wins over the stored one, and a staged removal (json NULL) hides it.
        var rows = await connection.QueryAsync<(string Id, string? Json)>(new CommandDefinition(
            """
            SELECT j.value AS Id, CASE WHEN s.id IS NOT NULL THEN s.json ELSE o.json END AS Json
            FROM json_each(@ids) AS j
            LEFT JOIN directory_delta_staged AS s ON s.round_id = @roundId AND s.id = j.value
            LEFT JOIN directory_delta_objects AS o ON @continues AND o.tenant_id = @tenantId AND o.source = @source AND o.id = j.value
            """,
            new { ids = JsonSerializer.Serialize(ids), roundId, continues = !replaceAll, tenantId, source }, cancellationToken: cancellationToken));
        return rows.Where(r => r.Json is not null).ToDictionary(r => r.Id, r => r.Json!, StringComparer.OrdinalIgnoreCase);
    }

    public async Task StageAsync(IEnumerable<DirectoryObjectRow> upserts, IEnumerable<string> removals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(removals);
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = upserts.Select(r => new { roundId, r.Id, Json = (string?)r.Json }).Concat(removals.Select(id => new { roundId, Id = id, Json = (string?)null }));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO directory_delta_staged (round_id, id, json) VALUES (@roundId, @Id, @Json)
            ON CONFLICT (round_id, id) DO UPDATE SET json = excluded.json
            """,
            rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CompleteAsync(DeltaCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = new { roundId, tenantId, source };
        if (replaceAll)
        {
            await DirectoryDeltaStore.DeleteAllAsync(connection, transaction, tenantId, source, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM directory_delta_objects WHERE tenant_id = @tenantId AND source = @source
                AND id IN (SELECT id FROM directory_delta_staged WHERE round_id = @roundId AND json IS NULL)
            """,
            key, transaction, cancellationToken: cancellationToken));
        // The SELECT keeps its WHERE: SQLite needs one to parse an upsert fed by a SELECT (sqlite.org/lang_upsert.html, "Parsing Ambiguity").
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO directory_delta_objects (tenant_id, source, id, json)
            SELECT @tenantId, @source, id, json FROM directory_delta_staged WHERE round_id = @roundId AND json IS NOT NULL
            ON CONFLICT (tenant_id, source, id) DO UPDATE SET json = excluded.json
            """,
            key, transaction, cancellationToken: cancellationToken));
        await DirectoryDeltaStore.SaveCheckpointAsync(connection, transaction, tenantId, source, checkpoint, cancellationToken);
        await DeleteRoundAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        completed = true;
    }

    public async IAsyncEnumerable<DirectoryObjectRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!completed)
        {
            throw new InvalidOperationException("the round's objects are read once it is complete");
        }

        await foreach (var row in new DirectoryDeltaStore(database).ReadAsync(tenantId, source, cancellationToken))
        {
            yield return row;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (completed)
        {
            return;
        }

        try
        {
            // Not cancellable: the round is being abandoned (often because the run was cancelled), and its rows must go.
            await using var connection = await database.ConnectAsync(CancellationToken.None);
            await DeleteRoundAsync(connection, null, CancellationToken.None);
        }
        catch (SqliteException)
        {
            // The database failed under the round too; the next round of this source drops these rows a day on.
        }
    }

    private Task<int> DeleteRoundAsync(SqliteConnection connection, System.Data.Common.DbTransaction? transaction, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM directory_delta_rounds WHERE round_id = @roundId", new { roundId }, transaction, cancellationToken: ct));
}
