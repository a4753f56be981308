using System.Globalization;
using Compliance.Storage;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;
using Quartz;

namespace Compliance.Worker.Jobs;

/// <summary>
/// What every scheduled job shares: settings, clock, database, structured log, and one wrapper that records the
/// execution (job_executions) and logs its start and end. Jobs stay thin: they call the existing pipeline.
/// </summary>
public sealed class JobRuntime(ComplianceSettings settings, TimeProvider time, SqliteDatabase database, RunLog log)
{
    public ComplianceSettings Settings { get; } = settings;

    public TimeProvider Time { get; } = time;

    public SqliteDatabase Database { get; } = database;

    public RunLog Log { get; } = log;

    /// <summary>
    /// Runs <paramref name="body"/> with the trigger's scheduled fire time — not the time it actually fired — so a run
    /// delayed by downtime still covers the period it was meant to.
    /// </summary>
    public async ValueTask RunAsync(IJobExecutionContext context, Func<DateTimeOffset, CancellationToken, Task<string>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var job = context.JobDetail.Key.ToString();
        var instance = context.Scheduler.SchedulerInstanceId;
        var executions = new JobExecutionRepository(Database);
        await executions.StartAsync(context.FireInstanceId, job, instance, scheduled, Time.GetUtcNow(), cancellationToken);
        Log.Info("job.start", ("job", job), ("scheduled", scheduled.ToString("O", CultureInfo.InvariantCulture)), ("instance", instance));
        try
        {
            var detail = await body(scheduled, cancellationToken);
            await executions.CompleteAsync(context.FireInstanceId, Time.GetUtcNow(), "ok", detail, CancellationToken.None);
            Log.Info("job.end", ("job", job), ("outcome", "ok"), ("detail", detail));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await executions.CompleteAsync(context.FireInstanceId, Time.GetUtcNow(), "cancelled", "worker shutting down", CancellationToken.None);
            Log.Warn("job.end", ("job", job), ("outcome", "cancelled"));
            throw;
        }
        catch (Exception e) when (e is not JobExecutionException)
        {
            var reason = $"{e.GetType().Name}: {e.Message.Split('\n', 2)[0]}";
            await executions.CompleteAsync(context.FireInstanceId, Time.GetUtcNow(), "failed", reason, CancellationToken.None);
            Log.Warn("job.end", ("job", job), ("outcome", "failed"), ("reason", reason));
            throw new JobExecutionException(reason, e);
        }
    }

    /// <summary>The job's tenant (JobDataMap "tenant"); "demo" means the built-in demo tenant unless a tenant of that name is configured.</summary>
    public (string Tenant, bool Demo, TimeZoneInfo Zone) Tenant(IJobExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.MergedJobDataMap.GetString("tenant") ?? DemoTenantSession.TenantName;
        var configured = Settings.Tenants.TryGetValue(tenant, out var t);
        var zone = configured ? TimeZoneInfo.FindSystemTimeZoneById(t!.TimeZone) : TimeZoneInfo.Utc;
        return (tenant, !configured && tenant == DemoTenantSession.TenantName, zone);
    }

    /// <summary>yyyy-MM of <paramref name="instant"/> in <paramref name="zone"/>, shifted by <paramref name="monthOffset"/> months.</summary>
    public static string Period(DateTimeOffset instant, TimeZoneInfo zone, int monthOffset)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(monthOffset).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }
}
