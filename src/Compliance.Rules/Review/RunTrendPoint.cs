namespace Compliance.Rules.Review;

/// <summary>Open findings by severity in one earlier run of the tenant (for the 12-run trend chart).</summary>
public sealed record RunTrendPoint(string RunId, string Period, DateTimeOffset CompletedAt, int Critical, int High, int Medium, int Low);
