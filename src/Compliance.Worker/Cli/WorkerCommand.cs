using System.CommandLine;
using Compliance.Worker.Review;
using Compliance.Worker.Scheduling;

namespace Compliance.Worker.Cli;

/// <summary>`worker [--schedules DIR]`: runs the Quartz scheduler until SIGTERM/Ctrl+C, then waits for running jobs (up to the host's 8 s).</summary>
internal static class WorkerCommand
{
    public static Option<string?> SchedulesOption() =>
        new("--schedules") { Description = "Folder of schedule files (default: schedules/ beside the executable)" };

    public static Command Create(CliContext context)
    {
        var schedules = SchedulesOption();
        var command = new Command("worker", "Run the scheduler with the jobs in schedules/*.json until stopped") { schedules };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (settings, log) =>
        {
            var set = ScheduleLoader.Load(parse.GetValue(schedules), settings);
            WorkerLock workerLock;
            try
            {
                workerLock = await WorkerLock.AcquireAsync(
                    settings.Storage.DatabasePath, TimeSpan.FromSeconds(2), context.Time,
                    () => log.Info("worker.standby", ("lock", WorkerLock.PathFor(settings.Storage.DatabasePath)), ("reason", "another worker runs the schedules of this database")),
                    cancellationToken);
            }
            catch (OperationCanceledException)
            {
                log.Info("worker.stopped", ("role", "standby"));
                return ExitCodes.Completed;
            }

            using var held = workerLock;
            using var host = await WorkerHost.BuildAsync(settings, set, context.Time, context.Error, cancellationToken);
            log.Info("worker.start", ("schedules", set.Folder), ("jobs", set.Jobs.Count), ("triggers", set.Triggers.Count), ("pid", Environment.ProcessId));
            await host.StartAsync(cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // SIGTERM or Ctrl+C: the normal way to stop.
            }

            log.Info("worker.stopping");
            await host.StopAsync(CancellationToken.None);
            log.Info("worker.stopped");
            return ExitCodes.Completed;
        }));
        return command;
    }
}
