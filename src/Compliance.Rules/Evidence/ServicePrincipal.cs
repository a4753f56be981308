namespace Compliance.Rules.Evidence;

/// <summary>A service principal (GET /servicePrincipals); credentials here are the ones set on the enterprise app.</summary>
public sealed record ServicePrincipal(
    string ObjectId,
    string AppId,
    string DisplayName,
    string? ServicePrincipalType,
    bool AccountEnabled,
    IReadOnlyList<Credential> Credentials);
