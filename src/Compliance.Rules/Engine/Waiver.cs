namespace Compliance.Rules.Engine;

/// <summary>
/// An exception (waiver) to a control: for one finding (<see cref="Fingerprint"/>) or for a rule on a resource.
/// It turns a failure into <i>waived</i> until <see cref="Until"/> (exclusive) unless revoked.
/// </summary>
public sealed record Waiver(
    string Id,
    string RuleId,
    string ResourceId,
    string? Fingerprint,
    string Reason,
    string Approver,
    string? Ticket,
    DateTimeOffset CreatedAt,
    DateTimeOffset Until,
    DateTimeOffset? RevokedAt)
{
    public bool IsActiveAt(DateTimeOffset asOf) => RevokedAt is null && Until > asOf;

    public bool IsExpiredAt(DateTimeOffset asOf) => RevokedAt is null && Until <= asOf;

    public bool Covers(Finding finding) =>
        Fingerprint is not null
            ? string.Equals(Fingerprint, finding.Fingerprint, StringComparison.OrdinalIgnoreCase)
            : string.Equals(RuleId, finding.RuleId, StringComparison.OrdinalIgnoreCase)
              && string.Equals(ResourceId, finding.ResourceId, StringComparison.OrdinalIgnoreCase);
}
