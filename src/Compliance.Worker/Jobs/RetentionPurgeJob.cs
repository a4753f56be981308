using Compliance.Worker.Operations;
using Quartz;

namespace Compliance.Worker.Jobs;

/// <summary>Storage:RetentionMonths, measured back from the scheduled fire time.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionPurgeJob(JobRuntime runtime) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        runtime.RunAsync(context, async (scheduled, ct) =>
        {
            var result = await RetentionPurge.RunAsync(runtime.Database, runtime.Settings, scheduled, runtime.Time, ct);
            return $"purged evidence of {result.Runs} run(s): {result.EvidencePages} page(s), {result.EvidenceRows} row(s)";
        }, cancellationToken);
}
