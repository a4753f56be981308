using System.Text.RegularExpressions;

namespace Compliance.Worker.Doctor;

/// <summary>
/// Turns a collector's not-collected reason into a status and the admin's fix. The collectors phrase a 403 as
/// "missing permission X" (Compliance.Collectors FailureReason), so the permission named there is the one to grant.
/// </summary>
public static partial class PermissionFixes
{
    public static (CheckStatus Status, string? Fix) Classify(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.Contains("licen", StringComparison.OrdinalIgnoreCase) || reason.Contains("Premium", StringComparison.Ordinal))
        {
            return (CheckStatus.MissingLicence,
                "The tenant lacks the licence this source needs (sign-in logs need Microsoft Entra ID P1 or P2); its controls report not evaluated until it is licensed.");
        }

        if (reason.Contains("Exchange admin API", StringComparison.Ordinal) && reason.Contains("missing permission", StringComparison.OrdinalIgnoreCase))
        {
            return (CheckStatus.MissingPermission, ExchangeFix);
        }

        if (MissingPermission().Match(reason) is { Success: true } match)
        {
            return (CheckStatus.MissingPermission, GraphFix(match.Groups["permission"].Value));
        }

        if (reason.Contains("AADSTS500011", StringComparison.Ordinal) || reason.Contains("resource principal", StringComparison.OrdinalIgnoreCase)
            || reason.Contains("not found, HTTP 404", StringComparison.Ordinal) || reason.Contains("prerequisite", StringComparison.OrdinalIgnoreCase))
        {
            return (CheckStatus.PrerequisiteMissing,
                "A service principal or endpoint this source needs is absent in the tenant (e.g. the Office 365 Exchange Online or message-trace service principal): " +
                "create it with New-MgServicePrincipal -AppId <resource app id>, or enable the service, then re-run doctor.");
        }

        return (CheckStatus.Failed, null);
    }

    public static string GraphFix(string permission) =>
        $"Grant the Microsoft Graph application permission {permission} to the auditor app and grant admin consent " +
        $"(Entra admin center > App registrations > the auditor app > API permissions > Add a permission > Microsoft Graph > Application permissions > {permission} > Grant admin consent), " +
        $"or: New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId <auditor SP id> -PrincipalId <auditor SP id> -ResourceId <Microsoft Graph SP id> -AppRoleId <id of {permission}>.";

    public const string ExchangeFix =
        "Grant the Office 365 Exchange Online application permission Exchange.ManageAsApp with admin consent, and give the auditor app a read-only role " +
        "(Entra role Global Reader, or in Exchange: New-ManagementRoleAssignment -App <auditor SP object id> -Role \"View-Only Configuration\").";

    [GeneratedRegex(@"missing permission (?<permission>[A-Za-z][A-Za-z0-9.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MissingPermission();
}
