namespace Compliance.TenantSimulator.Model;

public sealed record SimAppRoleAssignment(
    string Id,
    string AppRoleId,
    DateTimeOffset CreatedDateTime,
    string PrincipalId,
    string PrincipalDisplayName,
    string ResourceId,
    string ResourceDisplayName);
