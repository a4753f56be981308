using Compliance.Rules.Engine;

namespace Compliance.Rules.Catalog;

/// <summary>Microsoft Learn pages the controls cite (checked against reference/m365-apis.md §11).</summary>
internal static class References
{
    public static readonly RuleReference ApplicationRbac =
        new("Microsoft Learn: Role Based Access Control for Applications in Exchange Online", "https://learn.microsoft.com/exchange/permissions-exo/application-rbac");

    public static readonly RuleReference LimitMailboxAccess =
        new("Microsoft Learn: Limit Microsoft Graph access to specific Exchange mailboxes", "https://learn.microsoft.com/graph/auth-limit-mailbox-access");

    public static readonly RuleReference GraphPermissions =
        new("Microsoft Learn: Microsoft Graph permissions reference", "https://learn.microsoft.com/graph/permissions-reference");

    public static readonly RuleReference RenewExpiringCredentials =
        new("Microsoft Learn: Entra recommendation — renew expiring application credentials", "https://learn.microsoft.com/entra/identity/monitoring-health/recommendation-renew-expiring-application-credential");

    public static RuleReference Runbook(string step) => new($"Runbook: {step}");
}
