using Compliance.Worker.Review;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Compliance.Worker.Scheduling;

/// <summary>
/// With IgnoreDuplicates a trigger kept in the database wins over the file, so an edited cron expression, time zone or
/// misfire instruction would silently not apply. After start-up this compares each stored trigger with its file and
/// reschedules the ones that differ (logged), and removes nothing: a trigger deleted from the files is reported.
/// </summary>
internal sealed class ScheduleReconciler(ISchedulerFactory factory, ScheduleSet schedules, RunLog log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        foreach (var wanted in schedules.Triggers)
        {
            var key = new TriggerKey(wanted.Name, wanted.Group);
            if (await scheduler.GetTrigger(key, cancellationToken) is not ICronTrigger stored)
            {
                continue;
            }

            if (stored.CronExpressionString == wanted.Cron && stored.TimeZone.Id == wanted.TimeZone.Id && stored.MisfireInstruction == wanted.Misfire)
            {
                continue;
            }

            var replacement = TriggerBuilder.Create()
                .WithIdentity(key)
                .ForJob(wanted.JobName, wanted.JobGroup)
                .WithCronSchedule(wanted.Cron, c => c.InTimeZone(wanted.TimeZone).WithMisfireInstruction(wanted.Misfire))
                .Build();
            await scheduler.RescheduleJob(key, replacement, cancellationToken);
            log.Info("schedule.changed", ("trigger", key.ToString()), ("file", wanted.File), ("was", stored.CronExpressionString), ("now", wanted.Cron));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
