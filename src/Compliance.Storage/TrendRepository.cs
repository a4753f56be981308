using System.Text.Json;
using Compliance.Rules.Engine;
using Compliance.Rules.Review;
using Dapper;

namespace Compliance.Storage;

/// <summary>History for the reports: open findings by severity per earlier run, and the findings a run resolved.</summary>
public sealed class TrendRepository(SqliteDatabase database)
{
    /// <summary>Settable properties, not a positional record: SQLite reports aggregate columns without a declared type (libraries-measured.md, Dapper row).</summary>
    private sealed class TrendRow
    {
        public string RunId { get; set; } = "";

        public string Period { get; set; } = "";

        public string CompletedAt { get; set; } = "";

        public long Critical { get; set; }

        public long High { get; set; }

        public long Medium { get; set; }

        public long Low { get; set; }
    }

    private sealed record FindingRow(
        string Fingerprint, string RuleId, string Severity, string ResourceType, string ResourceId, string ResourceName,
        string? Integration, string? Qualifier, string Detail, string Remediation, string EvidenceJson);

    /// <summary>Up to <paramref name="count"/> most recent published runs of the tenant, oldest first. Waived findings are not open.</summary>
    public async Task<IReadOnlyList<RunTrendPoint>> RecentAsync(string tenant, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<TrendRow>(new CommandDefinition(
            """
            SELECT r.id AS RunId, r.period AS Period, r.completed_at AS CompletedAt,
                   count(CASE WHEN f.severity = 'Critical' AND f.status <> 'Waived' THEN 1 END) AS Critical,
                   count(CASE WHEN f.severity = 'High' AND f.status <> 'Waived' THEN 1 END) AS High,
                   count(CASE WHEN f.severity = 'Medium' AND f.status <> 'Waived' THEN 1 END) AS Medium,
                   count(CASE WHEN f.severity = 'Low' AND f.status <> 'Waived' THEN 1 END) AS Low
            FROM runs r LEFT JOIN findings f ON f.run_id = r.id
            WHERE r.tenant = @tenant AND r.chain_hash IS NOT NULL
            GROUP BY r.id ORDER BY r.completed_at DESC, r.rowid DESC LIMIT @count
            """,
            new { tenant, count },
            cancellationToken: cancellationToken));
        return rows.Reverse()
            .Select(r => new RunTrendPoint(r.RunId, r.Period, StoredDate.Read(r.CompletedAt)!.Value, (int)r.Critical, (int)r.High, (int)r.Medium, (int)r.Low))
            .ToList();
    }

    /// <summary>The findings of <paramref name="runId"/> with the given fingerprints (those the next run resolved).</summary>
    public async Task<IReadOnlyList<Finding>> FindingsAsync(string runId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        if (fingerprints.Count == 0)
        {
            return [];
        }

        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<FindingRow>(new CommandDefinition(
            """
            SELECT fingerprint AS Fingerprint, rule_id AS RuleId, severity AS Severity, resource_type AS ResourceType, resource_id AS ResourceId,
                   resource_name AS ResourceName, integration AS Integration, qualifier AS Qualifier, detail AS Detail, remediation AS Remediation,
                   evidence_json AS EvidenceJson
            FROM findings WHERE run_id = @runId AND fingerprint IN @fingerprints ORDER BY rule_id, resource_name
            """,
            new { runId, fingerprints },
            cancellationToken: cancellationToken));
        return rows.Select(r => new Finding(
            r.RuleId, Enum.Parse<Severity>(r.Severity), r.ResourceType, r.ResourceId, r.ResourceName, r.Integration, r.Detail, r.Remediation,
            JsonSerializer.Deserialize<List<string>>(r.EvidenceJson) ?? [], r.Qualifier)).ToList();
    }
}
