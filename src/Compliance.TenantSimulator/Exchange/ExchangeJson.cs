using System.Globalization;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Exchange;

/// <summary>
/// Cmdlet output objects as InvokeCommand serialises them: PascalCase properties, booleans as JSON booleans,
/// multi-valued properties as arrays, dates as ISO strings (m365-apis.md §5.3; exact property sets UNCONFIRMED, §10.4).
/// </summary>
internal static class ExchangeJson
{
    /// <summary>A Get-Mailbox row; <paramref name="whenChanged"/> comes from <see cref="RecipientChangeLog"/>.</summary>
    public static JsonObject Mailbox(SimMailbox m, DateTimeOffset whenChanged)
    {
        var row = new JsonObject
        {
            ["Name"] = m.Alias,
            ["Alias"] = m.Alias,
            ["DisplayName"] = m.DisplayName,
            ["Identity"] = m.Alias,
            ["Id"] = m.Alias,
            ["Guid"] = m.ExchangeGuid,
            ["ExchangeGuid"] = m.ExchangeGuid,
            ["ExternalDirectoryObjectId"] = m.Id,
            ["UserPrincipalName"] = m.Address,
            ["PrimarySmtpAddress"] = m.Address,
            ["WindowsEmailAddress"] = m.Address,
            ["EmailAddresses"] = new JsonArray("SMTP:" + m.Address, "SPO:SPO_" + m.Id + "@SPO_" + m.ExchangeGuid),
            ["RecipientType"] = "UserMailbox",
            ["RecipientTypeDetails"] = m.RecipientTypeDetails,
            ["DistinguishedName"] = m.DistinguishedName,
            ["Office"] = m.Office,
            ["AuditEnabled"] = m.AuditEnabled,
            ["AuditLogAgeLimit"] = "90.00:00:00",
            ["AuditAdmin"] = new JsonArray("Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "SendAs", "SendOnBehalf", "Create", "UpdateFolderPermissions", "UpdateInboxRules", "UpdateCalendarDelegation", "ApplyRecord", "MailItemsAccessed", "Send"),
            ["AuditDelegate"] = new JsonArray("Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "SendAs", "SendOnBehalf", "Create", "UpdateFolderPermissions", "UpdateInboxRules", "ApplyRecord", "MailItemsAccessed"),
            ["AuditOwner"] = new JsonArray("Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "UpdateFolderPermissions", "UpdateInboxRules", "UpdateCalendarDelegation", "ApplyRecord", "MailItemsAccessed", "Send"),
            ["DefaultAuditSet"] = new JsonArray("Admin", "Delegate", "Owner"),
            ["HiddenFromAddressListsEnabled"] = false,
            ["IsMailboxEnabled"] = true,
            ["WhenCreatedUTC"] = Date(m.CreatedDateTime),
            ["WhenChangedUTC"] = Date(whenChanged),
        };
        for (var i = 0; i < 15; i++)
        {
            row["CustomAttribute" + (i + 1).ToString(CultureInfo.InvariantCulture)] = m.CustomAttributes[i] ?? "";
        }

        return row;
    }

    /// <summary>
    /// A Get-User row: every user account, mailbox or not (learn: exchange Get-User, "returns all objects that have
    /// user accounts (for example, user mailboxes, mail users, and user accounts)"); RecipientType tells them apart.
    /// </summary>
    public static JsonObject User(RecipientChangeLog.Entry e) => new()
    {
        ["Name"] = e.Recipient.Alias,
        ["Identity"] = e.Recipient.Alias,
        ["DisplayName"] = e.Recipient.DisplayName,
        ["ExternalDirectoryObjectId"] = e.Recipient.Id,
        ["UserPrincipalName"] = e.Recipient.Address,
        ["WindowsEmailAddress"] = e.Recipient.Address,
        ["RecipientType"] = e.IsMailUser ? "MailUser" : "UserMailbox",
        ["RecipientTypeDetails"] = e.Recipient.RecipientTypeDetails,
        ["Department"] = e.Recipient.Department,
        ["Company"] = e.Recipient.Company,
        ["WhenCreatedUTC"] = Date(e.Recipient.CreatedDateTime),
        ["WhenChangedUTC"] = Date(e.ChangedAt),
    };

    /// <summary>A soft-deleted mailbox as Get-Mailbox -SoftDeletedMailbox lists it: the mailbox row with WhenSoftDeleted.</summary>
    public static JsonObject SoftDeletedMailbox(RecipientChangeLog.Entry e)
    {
        var row = Mailbox(e.Recipient, e.ChangedAt);
        row["WhenSoftDeleted"] = Date(e.DeletedAt!.Value);
        row["IsSoftDeletedByRemove"] = true;
        return row;
    }

    /// <summary>The demo's groups are mail-enabled security groups (Graph: mailEnabled and securityEnabled, no groupTypes).</summary>
    public const string GroupRecipientTypeDetails = "MailUniversalSecurityGroup";

    /// <summary>
    /// Get-Group: the recipient DN that MemberOfGroup filters name, which Graph v1.0 groups do not carry; the real
    /// cmdlet has WindowsEmailAddress, not PrimarySmtpAddress. Members come from Graph, so they are left out here.
    /// </summary>
    public static JsonObject Group(SimGroup g)
    {
        var alias = g.Mail[..g.Mail.IndexOf('@', StringComparison.Ordinal)];
        return new JsonObject
        {
            ["Name"] = alias,
            ["Identity"] = alias,
            ["Id"] = alias,
            ["DisplayName"] = g.DisplayName,
            ["Guid"] = Fixture.FixtureBuilder.DeterministicGuid(g.Id, "exchange-group"),
            ["ExternalDirectoryObjectId"] = g.Id,
            ["DistinguishedName"] = g.DistinguishedName,
            ["WindowsEmailAddress"] = g.Mail,
            ["RecipientType"] = "MailUniversalSecurityGroup",
            ["RecipientTypeDetails"] = GroupRecipientTypeDetails,
            ["GroupType"] = "Universal, SecurityEnabled",
            ["IsDirSynced"] = false,
            ["IsValid"] = true,
            ["ObjectState"] = "Unchanged",
        };
    }

    public static JsonObject Scope(SimManagementScope s) => new()
    {
        ["Name"] = s.Name,
        ["Identity"] = s.Name,
        ["Guid"] = s.Id,
        ["RecipientRoot"] = null,
        ["RecipientFilter"] = s.RecipientFilter,
        ["ServerFilter"] = null,
        ["DatabaseFilter"] = null,
        ["ScopeRestrictionType"] = "RecipientScope",
        ["Exclusive"] = s.Exclusive,
        ["DistinguishedName"] = s.DistinguishedName,
        ["IsValid"] = true,
        ["ObjectState"] = "Unchanged",
    };

    public static JsonObject Assignment(SimRoleAssignment a, SimDirectory directory)
    {
        var scope = a.ScopeId is null ? null : directory.ManagementScopes.First(s => s.Id == a.ScopeId);
        var unit = a.AdministrativeUnitId is null ? null : directory.AdministrativeUnits.First(u => u.Id == a.AdministrativeUnitId);
        return new JsonObject
        {
            ["Name"] = a.Name,
            ["Identity"] = a.Name,
            ["Guid"] = a.Id,
            ["Role"] = a.Role.Name,
            ["RoleAssignee"] = a.ServicePrincipalId,
            ["RoleAssigneeName"] = a.ServicePrincipalId,
            ["RoleAssigneeType"] = "ServicePrincipal",
            ["App"] = a.ServicePrincipalId,
            ["AssignmentMethod"] = "Direct",
            ["RecipientReadScope"] = "Organization",
            ["RecipientWriteScope"] = scope is not null ? "CustomRecipientScope" : unit is not null ? "AdministrativeUnit" : "Organization",
            ["CustomRecipientWriteScope"] = scope?.Name,
            ["CustomResourceScope"] = scope?.Name ?? unit?.Id,
            ["RecipientAdministrativeUnitScope"] = unit?.Id,
            ["ConfigReadScope"] = "OrganizationConfig",
            ["ConfigWriteScope"] = "None",
            ["Enabled"] = a.Enabled,
            ["RoleAssignmentDelegationType"] = "Regular",
            ["WhenCreatedUTC"] = Date(a.CreatedDateTime),
            ["IsValid"] = true,
        };
    }

    /// <summary>Administrator role assignments every tenant has; a client must filter on RoleAssigneeType itself.</summary>
    public static IEnumerable<JsonObject> BuiltInAssignments() =>
        new[] { ("Mail Recipients", "Organization Management"), ("View-Only Configuration", "View-Only Organization Management"), ("Role Management", "Organization Management") }
            .Select(x => new JsonObject
            {
                ["Name"] = $"{x.Item1}-{x.Item2}",
                ["Identity"] = $"{x.Item1}-{x.Item2}",
                ["Guid"] = Fixture.FixtureBuilder.DeterministicGuid("builtin-assignment", x.Item1 + x.Item2),
                ["Role"] = x.Item1,
                ["RoleAssignee"] = x.Item2,
                ["RoleAssigneeName"] = x.Item2,
                ["RoleAssigneeType"] = "RoleGroup",
                ["App"] = null,
                ["AssignmentMethod"] = "Direct",
                ["RecipientReadScope"] = "Organization",
                ["RecipientWriteScope"] = "Organization",
                ["CustomRecipientWriteScope"] = null,
                ["CustomResourceScope"] = null,
                ["RecipientAdministrativeUnitScope"] = null,
                ["ConfigReadScope"] = "OrganizationConfig",
                ["ConfigWriteScope"] = "OrganizationConfig",
                ["Enabled"] = true,
                ["RoleAssignmentDelegationType"] = "Regular",
                ["WhenCreatedUTC"] = "2023-01-10T09:00:00Z",
                ["IsValid"] = true,
            });

    /// <summary>Get-ServicePrincipal: the Exchange pointer to the Entra SP (ServiceId = the SP's object id, m365-apis.md §5.1).</summary>
    public static JsonObject ServicePrincipal(SimServicePrincipal sp) => new()
    {
        ["DisplayName"] = sp.DisplayName,
        ["AppId"] = sp.AppId,
        ["ServiceId"] = sp.ObjectId,
        ["ObjectId"] = sp.ObjectId,
        ["Identity"] = sp.ObjectId,
        ["Name"] = sp.ObjectId,
        ["Guid"] = Fixture.FixtureBuilder.DeterministicGuid(sp.ObjectId, "exchange-sp"),
        ["IsValid"] = true,
        ["ObjectState"] = "Unchanged",
    };

    public static JsonObject OrganizationConfig(TenantFixture fixture) => new()
    {
        ["Name"] = fixture.Domain,
        ["DisplayName"] = fixture.TenantName,
        ["Identity"] = fixture.Domain,
        ["Guid"] = fixture.TenantId,
        ["AuditDisabled"] = fixture.Directory.AuditDisabled,
        ["OAuth2ClientProfileEnabled"] = true,
        ["IsDehydrated"] = false,
        ["MailTipsAllTipsEnabled"] = true,
        ["SendFromAliasEnabled"] = false,
        ["EwsApplicationAccessPolicy"] = null,
        ["IsValid"] = true,
    };

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
