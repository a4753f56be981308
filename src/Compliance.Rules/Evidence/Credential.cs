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
    // keyId is a GUID (learn: graph/api/resources/passwordcredential, keyCredential): held packed, read back as given.
    private readonly GuidText keyId = GuidText.Of(KeyId);

    public string KeyId { get => keyId.ToString(); init => keyId = GuidText.Of(value); }

    public bool IsExpiredAt(DateTimeOffset asOf) => EndDateTime is { } end && end <= asOf;

    public double? DaysToExpiry(DateTimeOffset asOf) => EndDateTime is { } end ? (end - asOf).TotalDays : null;
}
