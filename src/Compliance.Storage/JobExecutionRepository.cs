using Dapper;

namespace Compliance.Storage;

/// <summary>Which worker instance ran which scheduled fire of which job, and how it ended.</summary>
public sealed class JobExecutionRepository(SqliteDatabase database)
{
    public async Task StartAsync(string fireInstanceId, string job, string instanceId, DateTimeOffset scheduledAt, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO job_executions (fire_instance_id, job, instance_id, scheduled_at, started_at)
            VALUES (@fireInstanceId, @job, @instanceId, @scheduled, @started)
            """,
            new { fireInstanceId, job, instanceId, scheduled = StoredDate.Write(scheduledAt.ToUniversalTime()), started = StoredDate.Write(startedAt) },
            cancellationToken: cancellationToken));
    }

    public async Task CompleteAsync(string fireInstanceId, DateTimeOffset completedAt, string outcome, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_executions SET completed_at = @completed, outcome = @outcome, detail = @detail WHERE fire_instance_id = @fireInstanceId",
            new { fireInstanceId, completed = StoredDate.Write(completedAt), outcome, detail },
            cancellationToken: cancellationToken));
    }

    /// <summary>(job, scheduled time, instance) of every execution, for the operator and the concurrency test.</summary>
    public async Task<IReadOnlyList<(string Job, string ScheduledAt, string InstanceId, string? Outcome)>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, string, string, string?)>(new CommandDefinition(
            "SELECT job, scheduled_at, instance_id, outcome FROM job_executions ORDER BY scheduled_at, job", cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
