using Compliance.Storage;
using Compliance.Worker.Configuration;
using Compliance.Worker.Jobs;
using Compliance.Worker.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Compliance.Worker.Scheduling;

/// <summary>
/// `worker`: a Generic Host running Quartz 4.7.3 with the persistent ADO job store in the evidence database file
/// (QRTZ_* tables created by ProvisionSchema, libraries-measured.md row 3b). Only the holder of <see cref="WorkerLock"/>
/// builds this host, so two worker processes on one database never run the same fire twice. Jobs and triggers come from
/// schedules/*.json.
/// </summary>
public static class WorkerHost
{
    /// <summary>All worker processes of one database must share this name: it scopes the QRTZ_* rows.</summary>
    public const string SchedulerName = "compliance";

    public static async Task<IHost> BuildAsync(ComplianceSettings settings, ScheduleSet schedules, TimeProvider time, TextWriter logOutput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(schedules);
        // Opening first creates the file owner-only (0600) and applies our migrations before Quartz adds its tables.
        var database = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, cancellationToken);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        // One JSON object per line on stderr: journald keeps it as one entry and log tools parse it.
        builder.Logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
        });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(new RunLog(logOutput, time));
        builder.Services.AddSingleton<JobRuntime>();
        foreach (var type in JobTypes.Known)
        {
            builder.Services.AddTransient(type);
        }

        var connectionString = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = database.Path }.ToString();
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(connectionString);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            foreach (var job in schedules.Jobs)
            {
                q.AddJob(job.JobType, configure: j =>
                {
                    j.WithIdentity(job.Name, job.Group).StoreDurably();
                    foreach (var (key, value) in job.Data)
                    {
                        j.UsingJobData(key, value);
                    }
                });
            }

            foreach (var trigger in schedules.Triggers)
            {
                q.AddTrigger(t => t
                    .WithIdentity(trigger.Name, trigger.Group)
                    .ForJob(trigger.JobName, trigger.JobGroup)
                    .WithCronSchedule(trigger.Cron, c => c.InTimeZone(trigger.TimeZone).WithMisfireInstruction(trigger.Misfire)));
            }
        });
        // Every start re-declares the triggers: keep the stored ones (and their misfire state) rather than resetting them,
        // as measured for clustered nodes (libraries-measured.md row 3f). Changed cron expressions are applied by ScheduleReconciler.
        builder.Services.Configure<QuartzOptions>(o =>
        {
            o.Scheduling.IgnoreDuplicates = true;
            o.Scheduling.OverwriteExistingData = false;
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddSingleton(schedules);
        builder.Services.AddHostedService<ScheduleReconciler>();
        return builder.Build();
    }
}
