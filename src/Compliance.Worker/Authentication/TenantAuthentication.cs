using Azure.Core;
using Compliance.Collectors;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Authentication;

/// <summary>The audited tenant's credential as Tenants:{name}:Auth describes it, and where its secret came from.</summary>
public static class TenantAuthentication
{
    public static async Task<(TokenCredential Credential, CredentialSource Source)> CreateAsync(
        TenantSettings tenant, string key, CloudEndpoints endpoints, SecretStores stores, Func<HttpMessageHandler>? transport, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var auth = tenant.Auth;
        var tenantId = tenant.TenantId!;
        switch (auth.Mode)
        {
            case AuthMode.Secret:
                var (secret, secretSource) = await ClientSecretResolver.ResolveAsync(auth, key, tenant.Cloud == CloudKind.Custom, stores, cancellationToken);
                return (TenantCredentials.ClientSecret(tenantId, auth.ClientId!, secret, endpoints, transport), secretSource);
            case AuthMode.Certificate:
                var (certificate, certificateSource) = ClientCertificateLoader.Load(auth, key);
                return (TenantCredentials.Certificate(tenantId, auth.ClientId!, certificate, endpoints, transport), certificateSource);
            default:
                return (TenantCredentials.ManagedIdentity(auth.ClientId),
                    new CredentialSource("managed identity", auth.ClientId is null ? "system-assigned" : $"user-assigned {auth.ClientId}"));
        }
    }
}
