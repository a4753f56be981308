using Compliance.Rules.Evidence;

namespace Compliance.Rules.Scope;

/// <summary>
/// Which grants let an app send mail (controls.md "Mail-capable app"): Entra Mail.Send on Graph or Exchange
/// Online, EXO full_access_as_app, SMTP.SendAsApp, and the Exchange RBAC application roles that include Mail.Send.
/// </summary>
public static class MailCapability
{
    /// <summary>Exchange RBAC for Applications roles that include Mail.Send (learn: application-rbac, supported roles).</summary>
    public static readonly IReadOnlySet<string> SendingRbacRoles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Application Mail.Send", "Application Mail Full Access", "Application Exchange Full Access",
    };

    public static bool IsEntraMailSend(AppRoleGrant grant) =>
        MailPermissions.IsMailSend(grant.AppRoleValue) && IsGraphOrExchange(grant)
        || MailPermissions.IsGraphMailSend(grant);

    public static bool IsFullAccess(AppRoleGrant grant) =>
        string.Equals(grant.AppRoleValue, "full_access_as_app", StringComparison.Ordinal)
        && string.Equals(grant.ResourceAppId, WellKnownIds.ExchangeOnlineAppId, StringComparison.OrdinalIgnoreCase);

    public static bool IsSmtpSendAsApp(AppRoleGrant grant) =>
        string.Equals(grant.AppRoleValue, "SMTP.SendAsApp", StringComparison.Ordinal);

    public static bool IsSendingRbac(ExchangeRoleAssignment assignment) =>
        assignment.Enabled && SendingRbacRoles.Contains(assignment.RoleName);

    public static bool IsMailCapable(EvidenceSnapshot evidence, ServicePrincipal principal) =>
        evidence.GrantsHeldBy(principal).Any(g => IsEntraMailSend(g) || IsFullAccess(g) || IsSmtpSendAsApp(g))
        || evidence.RoleAssignmentsOf(principal).Any(IsSendingRbac);

    private static bool IsGraphOrExchange(AppRoleGrant grant) =>
        string.Equals(grant.ResourceAppId, WellKnownIds.MicrosoftGraphAppId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(grant.ResourceAppId, WellKnownIds.ExchangeOnlineAppId, StringComparison.OrdinalIgnoreCase);
}
