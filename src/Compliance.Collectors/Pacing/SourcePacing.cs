namespace Compliance.Collectors.Pacing;

/// <summary>
/// The throttling budgets the collectors pace themselves to. <see cref="Microsoft"/> holds the documented limits
/// (learn: graph/throttling-limits, 2026-02 snapshot, m365-apis.md §8 and §1.4).
/// </summary>
public sealed record SourcePacing(
    PacingLimit Directory,
    PacingLimit SignIns,
    PacingLimit MessageTrace,
    PacingLimit LogAnalytics,
    PacingLimit? ExchangeAdmin)
{
    /// <summary>
    /// Directory: the resource-unit bucket of the smallest tenant size (3,500 RU per 10 s per app and tenant), so it is
    /// safe whatever the tenant's size. Sign-ins: identity and access reports, 5 requests per 10 s per app and tenant.
    /// Message trace: 100 requests per 5 min per tenant. Log Analytics: 200 requests per 30 s. The Exchange admin API
    /// publishes no limit, so it is only paced by Retry-After.
    /// </summary>
    public static SourcePacing Microsoft { get; } = new(
        new PacingLimit(3500, TimeSpan.FromSeconds(10)),
        new PacingLimit(5, TimeSpan.FromSeconds(10)),
        new PacingLimit(100, TimeSpan.FromMinutes(5)),
        new PacingLimit(200, TimeSpan.FromSeconds(30)),
        null);
}
