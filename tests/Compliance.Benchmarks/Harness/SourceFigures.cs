using Microsoft.Data.Sqlite;

namespace Compliance.Benchmarks.Harness;

/// <summary>What one source of one run cost, as the run recorded it (source_results, Migrations/0001_initial.sql).</summary>
internal sealed record SourceFigures(string State, long Records, long Requests, long DurationMs)
{
    public static async Task<IReadOnlyDictionary<string, SourceFigures>> ReadAsync(string databasePath, string runId, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, state, records, requests, duration_ms FROM source_results WHERE run_id = $run";
        command.Parameters.AddWithValue("$run", runId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new Dictionary<string, SourceFigures>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)] = new SourceFigures(reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return result;
    }
}
