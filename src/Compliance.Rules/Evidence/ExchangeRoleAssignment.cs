namespace Compliance.Rules.Evidence;

/// <summary>
/// An Exchange RBAC for Applications assignment (Graph beta roleManagement/exchange/roleAssignments or
/// Get-ManagementRoleAssignment). <see cref="PrincipalObjectId"/> is the Entra service principal's object id
/// (principalId "/ServicePrincipals/{id}"); <see cref="ScopeId"/> is the management scope or administrative unit id.
/// </summary>
public sealed record ExchangeRoleAssignment(
    string Id,
    string RoleName,
    string PrincipalObjectId,
    ExchangeScopeType ScopeType,
    string? ScopeId,
    bool Enabled = true);
