namespace Compliance.Rules.Evidence;

/// <summary>
/// An application permission held by a service principal (appRoleAssignedTo on a resource SP).
/// <see cref="AppRoleValue"/> is resolved from the resource SP's appRoles at collection time; an
/// appRoleId alone is ambiguous because Exchange Online reuses Graph role ids (reference/data/README.md).
/// </summary>
public sealed record AppRoleGrant(
    string Id,
    string PrincipalId,
    string? PrincipalDisplayName,
    string ResourceId,
    string ResourceAppId,
    string? ResourceDisplayName,
    string AppRoleId,
    string? AppRoleValue,
    DateTimeOffset? CreatedDateTime);
