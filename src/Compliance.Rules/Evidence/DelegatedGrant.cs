namespace Compliance.Rules.Evidence;

/// <summary>An oauth2PermissionGrant (delegated permissions); <see cref="ClientId"/> is the client SP's object id.</summary>
public sealed record DelegatedGrant(
    string Id,
    string ClientId,
    string ConsentType,
    string? PrincipalId,
    string ResourceId,
    string Scope);
