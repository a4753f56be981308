namespace Compliance.TenantSimulator.Model;

/// <summary>The recipient side of the tenant: mailboxes, groups, admin units, Exchange RBAC, delegated grants.</summary>
public sealed record SimDirectory(
    IReadOnlyList<SimMailbox> Mailboxes,
    IReadOnlyList<SimGroup> Groups,
    IReadOnlyList<SimAdministrativeUnit> AdministrativeUnits,
    IReadOnlyList<SimManagementScope> ManagementScopes,
    IReadOnlyList<SimRoleDefinition> RoleDefinitions,
    IReadOnlyList<SimRoleAssignment> RoleAssignments,
    IReadOnlyList<SimDelegatedGrant> DelegatedGrants,
    bool AuditDisabled)
{
    public static SimDirectory Empty { get; } = new([], [], [], [], [], [], [], false);

    public SimMailbox? MailboxByKey(string key) =>
        Mailboxes.FirstOrDefault(m => string.Equals(m.Id, key, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Address, key, StringComparison.OrdinalIgnoreCase));
}
