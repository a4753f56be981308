using Compliance.Worker.Alerts;
using Compliance.Worker.Review;
using Quartz;

namespace Compliance.Worker.Jobs;

/// <summary>
/// Daily: collect + evaluate + publish the current month (of the scheduled fire time, tenant time zone), then record
/// an alert for what is new and deliver everything pending in the outbox through the same tenant connection.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DailyCollectAndAlertJob(JobRuntime runtime) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        runtime.RunAsync(context, async (scheduled, ct) =>
        {
            var (tenant, demo, zone) = runtime.Tenant(context);
            var request = new ReviewRequest(tenant, demo, JobRuntime.Period(scheduled, zone, 0), null);
            await using var session = await ReviewPipeline.OpenSessionAsync(request, runtime.Settings, runtime.Time, ct);
            var outcome = await new ReviewPipeline(runtime.Settings, runtime.Time, runtime.Log).RunAsync(session, request, ct);
            var alerts = new AlertService(runtime.Settings, runtime.Database, runtime.Time, runtime.Log);
            var queued = await alerts.EnqueueDailyAsync(outcome.Run.Tenant, outcome.Run.Id, ct);
            var delivery = await alerts.DeliverAsync(outcome.Run.Tenant, session.Connection, ct);
            return $"run {outcome.Run.Id} status {outcome.Run.Status}; alerts queued {queued}, {delivery}";
        }, cancellationToken);
}
