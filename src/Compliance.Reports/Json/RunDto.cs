namespace Compliance.Reports.Json;

internal sealed record RunDto(
    string Id,
    string Tenant,
    string TenantId,
    string Period,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    string Status);
