namespace Compliance.Rules.Evidence;

/// <summary>An Entra ID application object (GET /applications).</summary>
public sealed record AppRegistration(
    string ObjectId,
    string AppId,
    string DisplayName,
    IReadOnlyList<Credential> Credentials);
