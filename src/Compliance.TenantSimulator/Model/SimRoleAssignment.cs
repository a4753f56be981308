namespace Compliance.TenantSimulator.Model;

/// <summary>
/// An Exchange RBAC for Applications assignment. Exactly one of <see cref="ScopeId"/> (management scope) or
/// <see cref="AdministrativeUnitId"/> is set, or neither (organisation-wide).
/// </summary>
public sealed record SimRoleAssignment(
    string Id,
    string Name,
    SimRoleDefinition Role,
    string ServicePrincipalId,
    string AppId,
    string AppDisplayName,
    string? ScopeId,
    string? AdministrativeUnitId,
    bool Enabled,
    DateTimeOffset CreatedDateTime);
