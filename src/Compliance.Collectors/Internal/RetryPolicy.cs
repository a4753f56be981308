namespace Compliance.Collectors.Internal;

/// <summary>
/// How often and how long a source retries a throttled (429) or unavailable (503/504) answer, or a broken transfer.
/// The 180 s cap is Kiota's (m365-apis.md §8): a longer Retry-After means the budget is gone for this run.
/// </summary>
internal sealed record RetryPolicy(int MaxRetries, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(4, TimeSpan.FromSeconds(180));
}
