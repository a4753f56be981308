namespace Compliance.Collectors.Internal;

/// <summary>What to grant, and where, when a source is refused — the reason must tell the admin how to fix it.</summary>
internal static class PermissionGuide
{
    public const string ExchangeManageAsApp =
        "Grant the application permission Exchange.ManageAsApp (API: Office 365 Exchange Online) to the auditor app and give admin consent";

    public const string ExchangeRole =
        "Assign the auditor's service principal a read-only Entra role such as Global Reader (Entra admin center → Roles and administrators), "
        + "in addition to Exchange.ManageAsApp (m365-apis.md §5.3)";

    public const string LogAnalyticsReader =
        "Give the auditor's service principal the Azure role Reader (or Log Analytics Reader) on the workspace (Azure portal → workspace → Access control (IAM))";

    /// <summary>Microsoft Graph application permissions are granted and consented on the auditor app registration.</summary>
    public static string Graph(string permission) =>
        $"Grant the Microsoft Graph application permission {permission} to the auditor app and give admin consent "
        + "(Entra admin center → App registrations → the auditor app → API permissions → Add a permission → Microsoft Graph → Application permissions)";
}
