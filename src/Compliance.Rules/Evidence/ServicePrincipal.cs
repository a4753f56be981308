namespace Compliance.Rules.Evidence;

/// <summary>A service principal (GET /servicePrincipals); credentials here are the ones set on the enterprise app.</summary>
public sealed record ServicePrincipal(
    string ObjectId,
    string AppId,
    string DisplayName,
    string? ServicePrincipalType,
    bool AccountEnabled,
    IReadOnlyList<Credential> Credentials)
{
    // Both ids are GUIDs in Graph's lowercase form (learn: graph/api/resources/serviceprincipal, id and appId): held
    // packed, 16 bytes each instead of a 96-byte string, and read back exactly as given (GuidText).
    private readonly GuidText objectId = GuidText.Of(ObjectId);
    private readonly GuidText appId = GuidText.Of(AppId);

    public string ObjectId { get => objectId.ToString(); init => objectId = GuidText.Of(value); }

    public string AppId { get => appId.ToString(); init => appId = GuidText.Of(value); }
}
