using Compliance.Rules.Evidence;
using Dapper;

namespace Compliance.Storage;

/// <summary>
/// Watermarks and activity records for incremental collection (Migrations/0002_watermarks.sql). Times are stored in
/// UTC so that text order is time order and the window query can use the index. Upserts of one page run in one
/// transaction on its own connection; concurrent sources queue on SQLite's write lock (WAL, busy_timeout, SqliteDatabase).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim whose AvailableWaitHandle is never read holds nothing to release.")]
public sealed class IncrementalStore(SqliteDatabase database) : IIncrementalStore
{
    public async Task<CoveredRange?> CoverageAsync(string tenantId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string From, string To)?>(new CommandDefinition(
            "SELECT covered_from AS \"From\", covered_to AS \"To\" FROM source_watermarks WHERE tenant_id = @tenantId AND source_key = @key",
            new { tenantId, key }, cancellationToken: cancellationToken));
        return row is { } r ? new CoveredRange(StoredDate.Read(r.From)!.Value, StoredDate.Read(r.To)!.Value) : null;
    }

    public async Task SaveCoverageAsync(string tenantId, string key, CoveredRange covered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(covered);
        await using var connection = await database.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO source_watermarks (tenant_id, source_key, covered_from, covered_to) VALUES (@tenantId, @key, @from, @to)
            ON CONFLICT (tenant_id, source_key) DO UPDATE SET covered_from = excluded.covered_from, covered_to = excluded.covered_to
            """,
            new { tenantId, key, from = Utc(covered.From), to = Utc(covered.To) }, cancellationToken: cancellationToken));
    }

    public async Task UpsertAsync(string tenantId, string source, IReadOnlyList<ActivityRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO activity_records (tenant_id, source, id, occurred_at, json, owner_key) VALUES (@tenantId, @source, @Id, @occurredAt, @Json, @OwnerKey)
            ON CONFLICT (tenant_id, source, id) DO UPDATE SET occurred_at = excluded.occurred_at, json = excluded.json, owner_key = excluded.owner_key
            """,
            rows.Select(r => new { tenantId, source, r.Id, occurredAt = Utc(r.OccurredAt), r.Json, r.OwnerKey }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ActivityExtent> ExtentAsync(
        string tenantId, string source, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        // One statement, so the count and the high-water mark describe the same moment.
        var (count, through) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            """
            SELECT (SELECT count(*) FROM activity_records
                    WHERE tenant_id = @tenantId AND source = @source AND occurred_at >= @from AND occurred_at < @to),
                   (SELECT coalesce(max(rowid), 0) FROM activity_records)
            """,
            new { tenantId, source, from = Utc(windowStart), to = Utc(windowEnd) }, cancellationToken: cancellationToken));
        return new ActivityExtent(checked((int)count), through);
    }

    public IEnumerable<ActivityRow> Read(
        string tenantId, string source, DateTimeOffset windowStart, DateTimeOffset windowEnd, ActivityExtent extent, string? ownerKey = null)
    {
        ArgumentNullException.ThrowIfNull(extent);
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        // A new row's rowid is one more than the largest in the table (sqlite.org/autoinc.html), so rows another run of the
        // tenant stores after the extent was taken are left out; a row an overlap re-reads is updated in place, keeps its
        // rowid and is still read.
        command.CommandText =
            $"""
            SELECT id, occurred_at, json, owner_key FROM activity_records
            WHERE tenant_id = $tenant AND source = $source AND occurred_at >= $from AND occurred_at < $to AND rowid <= $through
            {(ownerKey is null ? "" : "AND owner_key = $owner")}
            ORDER BY occurred_at, id
            """;
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$from", Utc(windowStart));
        command.Parameters.AddWithValue("$to", Utc(windowEnd));
        command.Parameters.AddWithValue("$through", extent.Through);
        if (ownerKey is not null)
        {
            command.Parameters.AddWithValue("$owner", ownerKey);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new ActivityRow(reader.GetString(0), StoredDate.Read(reader.GetString(1))!.Value, reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }
    }

    private static string Utc(DateTimeOffset value) => StoredDate.Write(value.ToUniversalTime());
}
