using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Compliance.Collectors.Internal;

namespace Compliance.Collectors;

/// <summary>
/// App-only credentials for the auditor app. A custom authority (the simulator) needs https and
/// DisableInstanceDiscovery (libraries-measured.md row 2); the transport is the same pinned handler the API calls use.
/// </summary>
public static class TenantCredentials
{
    public static TokenCredential ClientSecret(string tenantId, string clientId, string secret, CloudEndpoints endpoints, Func<HttpMessageHandler>? transport = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = Configure(new ClientSecretCredentialOptions(), endpoints, transport);
        // Wrapped so that the secret can never surface in an exception message (and from there in a report).
        return new RedactingCredential(new ClientSecretCredential(tenantId, clientId, secret, options), secret);
    }

    public static TokenCredential Certificate(string tenantId, string clientId, X509Certificate2 certificate, CloudEndpoints endpoints, Func<HttpMessageHandler>? transport = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = Configure(new ClientCertificateCredentialOptions(), endpoints, transport);
        return new ClientCertificateCredential(tenantId, clientId, certificate, options);
    }

    public static TokenCredential ManagedIdentity(string? clientId) =>
        new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));

    /// <summary>Azure.Identity's EnvironmentCredential (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH).</summary>
    public static TokenCredential Environment() => new EnvironmentCredential();

    private static T Configure<T>(T options, CloudEndpoints endpoints, Func<HttpMessageHandler>? transport)
        where T : TokenCredentialOptions
    {
        options.AuthorityHost = endpoints.AuthorityHost;
        if (options is ClientSecretCredentialOptions secretOptions)
        {
            secretOptions.DisableInstanceDiscovery = !endpoints.IsKnownCloud;
        }
        else if (options is ClientCertificateCredentialOptions certificateOptions)
        {
            certificateOptions.DisableInstanceDiscovery = !endpoints.IsKnownCloud;
        }

        if (transport is not null)
        {
            options.Transport = new HttpClientTransport(transport());
        }

        return options;
    }
}
