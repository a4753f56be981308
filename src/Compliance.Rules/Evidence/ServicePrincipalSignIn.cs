namespace Compliance.Rules.Evidence;

/// <summary>
/// A service-principal sign-in (Graph beta auditLogs/signIns with signInEventTypes servicePrincipal, or
/// AADServicePrincipalSignInLogs). <see cref="ErrorCode"/> 0 is success; <see cref="CredentialKeyId"/> is
/// servicePrincipalCredentialKeyId, joinable to a credential's keyId (m365-apis.md §1).
/// </summary>
public sealed record ServicePrincipalSignIn(
    string Id,
    DateTimeOffset CreatedDateTime,
    string AppId,
    string? IpAddress,
    int ErrorCode,
    string? FailureReason,
    string? ClientCredentialType,
    string? CredentialKeyId,
    string? ResourceDisplayName) : IActivityRecord
{
    DateTimeOffset IActivityRecord.OccurredAt => CreatedDateTime;

    string? IActivityRecord.Owner => AppId;

    // The id and the IP address are the two columns unique to (nearly) every row; held packed, read back as given.
    private readonly GuidText id = GuidText.Of(Id);
    private readonly IpText ipAddress = IpText.Of(IpAddress);

    public string Id
    {
        get => id.ToString();
        init => id = GuidText.Of(value);
    }

    public string? IpAddress
    {
        get => ipAddress.Value;
        init => ipAddress = IpText.Of(value);
    }

    /// <summary>
    /// The IP address as held: equal exactly when the addresses' text is equal, and read without building a string —
    /// what counting distinct addresses over millions of sign-ins needs.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IpText PackedIpAddress => ipAddress;
}
