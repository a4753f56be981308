namespace Compliance.Rules.Review;

/// <summary>Identity of one review run. <see cref="Period"/> is yyyy-MM; AsOf (the evidence clock) is in the snapshot.</summary>
public sealed record RunInfo(
    string Id,
    string Tenant,
    string TenantId,
    string Period,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    RunStatus Status);
