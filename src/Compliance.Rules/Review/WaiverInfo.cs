namespace Compliance.Rules.Review;

/// <summary>
/// An exception to a control for one resource (or one finding), as the reports show it.
/// <see cref="State"/>: active, expiring (within 30 days of the run), expired (lapsed this period), revoked.
/// </summary>
public sealed record WaiverInfo(
    string Id,
    string RuleId,
    string ResourceId,
    string? Fingerprint,
    string Reason,
    string Approver,
    string? Ticket,
    DateTimeOffset CreatedAt,
    DateTimeOffset Until,
    string State);
