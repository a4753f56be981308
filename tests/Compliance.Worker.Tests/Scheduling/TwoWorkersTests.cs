using Dapper;
using Microsoft.Data.Sqlite;

namespace Compliance.Worker.Tests.Scheduling;

/// <summary>
/// Two real worker processes on one database: the second stands by while the first runs, takes over when the first
/// is stopped with SIGTERM (which must take under 10 s), and no scheduled fire is ever executed twice.
/// </summary>
public class TwoWorkersTests
{
    [Fact]
    public async Task Second_worker_stands_by_takes_over_after_sigterm_and_no_fire_runs_twice()
    {
        using var workspace = new TestWorkspace();
        await workspace.RunAsync("catalog"); // writes the config file
        var schedules = Path.Combine(workspace.Folder, "schedules");
        Directory.CreateDirectory(schedules);
        // The cheapest real job, every second.
        await File.WriteAllTextAsync(Path.Combine(schedules, "purge.json"),
            (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "schedules", "retention-purge.json"))).Replace("0 30 3 ? * SUN", "* * * * * ?", StringComparison.Ordinal));

        using var first = new WorkerProcess(workspace.ConfigPath, schedules);
        await first.WaitForAsync("job.end job=operations.retention-purge outcome=ok", TimeSpan.FromSeconds(60));
        using var second = new WorkerProcess(workspace.ConfigPath, schedules);
        await second.WaitForAsync("worker.standby", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain("job.start", second.Error, StringComparison.Ordinal);

        var stop = await first.TerminateAsync(TimeSpan.FromSeconds(15));
        Assert.True(stop < TimeSpan.FromSeconds(10), $"SIGTERM took {stop}");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("worker.stopped", first.Error, StringComparison.Ordinal);

        await second.WaitForAsync("worker.start", TimeSpan.FromSeconds(30));
        await second.WaitForAsync("job.end job=operations.retention-purge outcome=ok", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.True(await second.TerminateAsync(TimeSpan.FromSeconds(15)) < TimeSpan.FromSeconds(10));

        using var connection = new SqliteConnection($"Data Source={workspace.Settings["Storage"]!["DatabasePath"]}");
        var executions = (await connection.QueryAsync<(string Job, string ScheduledAt)>("SELECT job, scheduled_at FROM job_executions")).ToList();
        Assert.True(executions.Count >= 4, $"only {executions.Count} executions");
        var duplicates = executions.GroupBy(e => e).Where(g => g.Count() > 1).Select(g => g.Key.ScheduledAt).ToList();
        Assert.Empty(duplicates);
    }
}
