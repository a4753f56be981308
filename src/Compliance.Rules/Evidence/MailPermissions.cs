namespace Compliance.Rules.Evidence;

/// <summary>
/// Classification of application permissions by what they let an app do with mail
/// (Graph permissions reference; m365-apis.md §4 and §5.1).
/// </summary>
public static class MailPermissions
{
    /// <summary>Roles that read or change the content of every mailbox: holding one is critical.</summary>
    private static readonly HashSet<string> ReadOrWriteAllMail = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mail.Read", "Mail.ReadBasic", "Mail.ReadBasic.All", "Mail.ReadWrite",
        "MailboxItem.Read.All", "MailboxItem.ImportExport.All", "MailboxFolder.ReadWrite.All",
        "full_access_as_app", "EWS.AccessAsApp", "IMAP.AccessAsApp", "POP.AccessAsApp",
        "Mail-Advanced.ReadWrite.All",
    };

    /// <summary>Exchange RBAC application roles that read mailbox content (learn: application-rbac, supported roles).</summary>
    public static bool RbacRoleReadsMail(string roleName) =>
        roleName.StartsWith("Application Mail.Read", StringComparison.OrdinalIgnoreCase)
        || roleName.StartsWith("Application MailboxItem.", StringComparison.OrdinalIgnoreCase)
        || roleName.Equals("Application Mail Full Access", StringComparison.OrdinalIgnoreCase)
        || roleName.Equals("Application Exchange Full Access", StringComparison.OrdinalIgnoreCase)
        || roleName.Equals("Application EWS.AccessAsApp", StringComparison.OrdinalIgnoreCase)
        || roleName.Equals("Application Mail-Advanced.ReadWrite.All", StringComparison.OrdinalIgnoreCase);

    public static bool IsMailSend(string? roleValue) =>
        string.Equals(roleValue, WellKnownIds.MailSend, StringComparison.Ordinal);

    public static bool ReadsOrWritesAllMail(string? roleValue) => roleValue is not null && ReadOrWriteAllMail.Contains(roleValue);

    /// <summary>The Graph application permission Mail.Send (not the Exchange Online resource's role of the same name).</summary>
    public static bool IsGraphMailSend(AppRoleGrant grant) =>
        string.Equals(grant.ResourceAppId, WellKnownIds.MicrosoftGraphAppId, StringComparison.OrdinalIgnoreCase)
        && (IsMailSend(grant.AppRoleValue)
            || string.Equals(grant.AppRoleId, WellKnownIds.GraphMailSendRoleId, StringComparison.OrdinalIgnoreCase));
}
