namespace Compliance.Worker.Jobs;

/// <summary>The job types a schedules file may name (listed in the error for an unknown JobType).</summary>
public static class JobTypes
{
    public static IReadOnlyList<Type> Known { get; } =
        [typeof(DailyCollectAndAlertJob), typeof(MonthlyReviewJob), typeof(CredentialExpiryDigestJob), typeof(RetentionPurgeJob)];
}
