using Compliance.Worker.Alerts;
using Compliance.Worker.Review;
using Quartz;

namespace Compliance.Worker.Jobs;

/// <summary>Weekly: a digest of credentials expiring within Policy:ExpiryWarningDays of the scheduled fire time, from the latest published run.</summary>
[DisallowConcurrentExecution]
public sealed class CredentialExpiryDigestJob(JobRuntime runtime) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        runtime.RunAsync(context, async (scheduled, ct) =>
        {
            var (tenant, demo, _) = runtime.Tenant(context);
            var alerts = new AlertService(runtime.Settings, runtime.Database, runtime.Time, runtime.Log);
            var queued = await alerts.EnqueueCredentialDigestAsync(tenant, scheduled, ct);
            await using var session = await ReviewPipeline.OpenSessionAsync(new ReviewRequest(tenant, demo, null, null), runtime.Settings, runtime.Time, ct);
            var delivery = await alerts.DeliverAsync(tenant, session.Connection, ct);
            return $"digest queued {queued}, {delivery}";
        }, cancellationToken);
}
