using Dapper;

namespace Compliance.Storage;

/// <summary>What an alert is composed from: one published run's findings, expiring credentials and failed sources.</summary>
public sealed class AlertEvidenceRepository(SqliteDatabase database)
{
    public async Task<IReadOnlyList<AlertFindingRow>> FindingsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertFindingRow>(new CommandDefinition(
            """
            SELECT fingerprint AS Fingerprint, rule_id AS RuleId, severity AS Severity, status AS Status, resource_name AS ResourceName,
                   integration AS Integration, detail AS Detail, remediation AS Remediation
            FROM findings WHERE run_id = @runId ORDER BY rule_id, resource_name, fingerprint
            """,
            new { runId },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>Credentials in the run's evidence whose end lies in [from, until] (ISO 8601 text compares in time order when both are UTC).</summary>
    public async Task<IReadOnlyList<ExpiringCredentialRow>> ExpiringCredentialsAsync(
        string runId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<ExpiringCredentialRow>(new CommandDefinition(
            """
            SELECT c.app_id AS AppId, a.display_name AS AppName, c.key_id AS KeyId, c.type AS Type, c.display_name AS DisplayName,
                   c.end_date_time AS EndDateTime
            FROM credentials c LEFT JOIN applications a ON a.run_id = c.run_id AND a.app_id = c.app_id
            WHERE c.run_id = @runId AND c.end_date_time IS NOT NULL
            ORDER BY c.end_date_time, c.app_id, c.key_id
            """,
            new { runId },
            cancellationToken: cancellationToken));
        // Filtered here, not in SQL: stored offsets may differ, and text order is time order only for one offset.
        return rows.Where(r => StoredDate.Read(r.EndDateTime) is { } end && end >= from && end <= until).ToList();
    }

    public async Task<IReadOnlyList<FailedSourceRow>> FailedSourcesAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<FailedSourceRow>(new CommandDefinition(
            "SELECT name AS Name, state AS State, reason AS Reason FROM source_results WHERE run_id = @runId AND state <> 'Collected' ORDER BY name",
            new { runId },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
