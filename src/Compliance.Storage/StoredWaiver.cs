namespace Compliance.Storage;

/// <summary>A row of the waivers table.</summary>
public sealed record StoredWaiver(
    string Id,
    string? Tenant,
    string RuleId,
    string ResourceId,
    string? Fingerprint,
    string Reason,
    string Approver,
    string? Ticket,
    string CreatedAt,
    string Until,
    string? RevokedAt);
