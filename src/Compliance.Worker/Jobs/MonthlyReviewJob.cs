using Compliance.Worker.Review;
using Quartz;

namespace Compliance.Worker.Jobs;

/// <summary>
/// The monthly review: on the 1st it reviews the month that just ended (in the tenant's time zone). With the trigger's
/// IgnoreMisfires instruction every missed firing runs with its own scheduled time, so each missed month is reviewed.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReviewJob(JobRuntime runtime) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        runtime.RunAsync(context, async (scheduled, ct) =>
        {
            var (tenant, demo, zone) = runtime.Tenant(context);
            var period = JobRuntime.Period(scheduled, zone, -1);
            var outcome = await new ReviewPipeline(runtime.Settings, runtime.Time, runtime.Log)
                .RunAsync(new ReviewRequest(tenant, demo, period, null), ct);
            return $"run {outcome.Run.Id} period {period} status {outcome.Run.Status}";
        }, cancellationToken);
}
