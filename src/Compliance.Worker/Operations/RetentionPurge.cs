using Compliance.Storage;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Operations;

/// <summary>Storage:RetentionMonths: evidence of runs started more than that many months before <c>asOf</c> is purged.</summary>
public static class RetentionPurge
{
    public static DateTimeOffset Cutoff(DateTimeOffset asOf, int months) => asOf.ToUniversalTime().AddMonths(-months);

    public static Task<PurgeResult> RunAsync(SqliteDatabase database, ComplianceSettings settings, DateTimeOffset asOf, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        return new RetentionRepository(database).PurgeAsync(Cutoff(asOf, settings.Storage.RetentionMonths), time.GetUtcNow(), cancellationToken);
    }
}
