namespace Compliance.Rules.Evidence;

/// <summary>One password or key credential. Never holds secret material: Graph returns only the hint.</summary>
public sealed record Credential(
    string KeyId,
    CredentialType Type,
    CredentialHolder Holder,
    string? DisplayName,
    DateTimeOffset? StartDateTime,
    DateTimeOffset? EndDateTime)
{
    public bool IsExpiredAt(DateTimeOffset asOf) => EndDateTime is { } end && end <= asOf;

    public double? DaysToExpiry(DateTimeOffset asOf) => EndDateTime is { } end ? (end - asOf).TotalDays : null;
}
