namespace Compliance.Rules.Evidence;

/// <summary>
/// Credentials can sit on the app registration and on the service principal (enterprise app);
/// the latter are invisible in the portal's "Certificates &amp; secrets" blade (m365-apis.md §4).
/// </summary>
public enum CredentialHolder
{
    Application,
    ServicePrincipal,
}
