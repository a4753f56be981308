using System.Text.Json;
using Compliance.Rules.Engine;
using Dapper;

namespace Compliance.Storage;

/// <summary>Control results and findings of a run, and the history the lifecycle needs.</summary>
public sealed class FindingRepository(SqliteDatabase database)
{
    public async Task SaveAsync(string runId, EvaluationResult evaluation, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO control_results VALUES (@runId, @Id, @Severity, @Outcome, @Population, @Failures, @Reason)",
            evaluation.Controls.Select(c => new
            {
                runId, c.Rule.Id, Severity = c.Rule.DefaultSeverity.ToString(), Outcome = c.Outcome.ToString(), c.Population, c.Failures, c.Reason,
            }),
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO findings VALUES (@runId, @Fingerprint, @RuleId, @Severity, @Status, @ResourceType, @ResourceId, @ResourceName,
                                         @Integration, @Qualifier, @Detail, @Remediation, @EvidenceJson)
            """,
            evaluation.Findings.Select(t => new
            {
                runId, t.Finding.Fingerprint, t.Finding.RuleId, Severity = t.Finding.Severity.ToString(), Status = t.Status.ToString(),
                t.Finding.ResourceType, t.Finding.ResourceId, t.Finding.ResourceName, t.Finding.Integration, t.Finding.Qualifier,
                t.Finding.Detail, t.Finding.Remediation, EvidenceJson = JsonSerializer.Serialize(t.Finding.Evidence),
            }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Open findings of the tenant's previous published run and every fingerprint any earlier run of the tenant reported.
    /// </summary>
    public async Task<FindingHistory> HistoryAsync(string tenant, string? previousRunId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var open = previousRunId is null
            ? []
            : await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT fingerprint FROM findings WHERE run_id = @previousRunId", new { previousRunId }, cancellationToken: cancellationToken));
        var ever = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT f.fingerprint FROM findings f JOIN runs r ON r.id = f.run_id
            WHERE r.tenant = @tenant AND r.chain_hash IS NOT NULL
            """,
            new { tenant },
            cancellationToken: cancellationToken));
        return new FindingHistory(open.ToHashSet(), ever.ToHashSet());
    }

    public async Task SaveReportFilesAsync(string runId, IEnumerable<(string Name, string Sha256, long Bytes)> files, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT OR REPLACE INTO report_files VALUES (@runId, @Name, @Sha256, @Bytes)",
            files.Select(f => new { runId, f.Name, f.Sha256, f.Bytes }),
            cancellationToken: cancellationToken));
    }
}
