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
    /// <summary>Former mailboxes, now mail users: Get-User shows them with RecipientType MailUser; Get-Mailbox does not.</summary>
    public IReadOnlyList<SimMailbox> MailUsers { get; init; } = [];

    public static SimDirectory Empty { get; } = new([], [], [], [], [], [], [], false);

    public SimMailbox? MailboxByKey(string key) =>
        Mailboxes.FirstOrDefault(m => string.Equals(m.Id, key, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Address, key, StringComparison.OrdinalIgnoreCase));
}
