namespace Compliance.Rules.Evidence;

/// <summary>An Entra ID application object (GET /applications).</summary>
public sealed record AppRegistration(
    string ObjectId,
    string AppId,
    string DisplayName,
    IReadOnlyList<Credential> Credentials)
{
    // Both ids are GUIDs in Graph's lowercase form (learn: graph/api/resources/application, id and appId): held packed,
    // 16 bytes each instead of a 96-byte string, and read back exactly as given (GuidText).
    private readonly GuidText objectId = GuidText.Of(ObjectId);
    private readonly GuidText appId = GuidText.Of(AppId);

    public string ObjectId { get => objectId.ToString(); init => objectId = GuidText.Of(value); }

    public string AppId { get => appId.ToString(); init => appId = GuidText.Of(value); }
}
