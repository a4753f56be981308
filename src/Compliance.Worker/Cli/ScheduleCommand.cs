using System.CommandLine;
using System.Globalization;
using Compliance.Worker.Review;
using Compliance.Worker.Scheduling;

namespace Compliance.Worker.Cli;

/// <summary>`schedule list`: every job, its trigger and its next three fire times (in the trigger's time zone and UTC).</summary>
internal static class ScheduleCommand
{
    public static Command Create(CliContext context)
    {
        var schedules = WorkerCommand.SchedulesOption();
        var list = new Command("list", "List every job, its trigger and its next three fire times") { schedules };
        list.SetAction((parse, _) => context.RunAsync(parse, (settings, _) =>
        {
            var set = ScheduleLoader.Load(parse.GetValue(schedules), settings);
            var now = context.Time.GetUtcNow();
            context.Out.WriteLine($"Schedules: {set.Folder}");
            foreach (var trigger in set.Triggers.OrderBy(t => t.JobGroup, StringComparer.Ordinal).ThenBy(t => t.JobName, StringComparer.Ordinal))
            {
                var job = set.Jobs.Single(j => j.Name == trigger.JobName && j.Group == trigger.JobGroup);
                context.Out.WriteLine();
                context.Out.WriteLine($"{job.Group}.{job.Name}  ({job.JobType.Name}{(job.Tenant is null ? "" : $", tenant {job.Tenant}")})  [{job.File}]");
                context.Out.WriteLine($"  trigger {trigger.Group}.{trigger.Name}: cron \"{trigger.Cron}\" in {trigger.TimeZone.Id}, misfire {trigger.Misfire}");
                foreach (var next in trigger.NextFireTimes(now, 3))
                {
                    var local = TimeZoneInfo.ConvertTime(next, trigger.TimeZone);
                    context.Out.WriteLine($"    next {local.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}  ({next.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z)");
                }
            }

            return Task.FromResult(ExitCodes.Completed);
        }));
        return new Command("schedule", "The scheduled jobs") { list };
    }
}
