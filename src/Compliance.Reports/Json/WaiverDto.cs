namespace Compliance.Reports.Json;

/// <summary>A waiver relevant to the run (schema 1, additive); state is active, expiring, expired or revoked.</summary>
internal sealed record WaiverDto(
    string Id,
    string RuleId,
    string ResourceId,
    string? Fingerprint,
    string State,
    string Reason,
    string Approver,
    string? Ticket,
    DateTimeOffset CreatedAt,
    DateTimeOffset Until);
