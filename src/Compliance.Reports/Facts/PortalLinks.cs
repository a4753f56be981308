namespace Compliance.Reports.Facts;

/// <summary>
/// Admin portal pages for an app. Exchange Online has no page per application (RBAC for Applications and
/// Application Access Policies are PowerShell-only), so the Entra pages are the ones a reviewer can open.
/// </summary>
internal static class PortalLinks
{
    /// <summary>The app registration (credentials, API permissions as requested); exists only for apps registered in this tenant.</summary>
    public static Uri AppRegistration(string appId) =>
        new($"https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Overview/appId/{Uri.EscapeDataString(appId)}");

    /// <summary>The enterprise application (service principal): granted permissions, sign-ins; exists for third-party apps too.</summary>
    public static Uri EnterpriseApp(string principalObjectId, string appId) =>
        new($"https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Overview/objectId/{Uri.EscapeDataString(principalObjectId)}/appId/{Uri.EscapeDataString(appId)}");
}
