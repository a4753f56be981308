namespace Compliance.TenantSimulator.Model;

/// <summary>A service-principal sign-in (beta signIn, AADServicePrincipalSignInLogs).</summary>
public sealed record SimSignIn(
    string Id,
    DateTimeOffset CreatedDateTime,
    string AppId,
    string AppDisplayName,
    string ServicePrincipalId,
    int ErrorCode,
    string ClientCredentialType,
    string? CredentialKeyId,
    string IpAddress,
    string ResourceDisplayName,
    string ResourceAppId);
