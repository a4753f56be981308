using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Compliance.TenantSimulator.Tests;

/// <summary>
/// The real Microsoft Graph SDK (default middleware: Kiota's retry handler honours Retry-After) and the real
/// Azure.Identity credentials, pointed at a running simulator. A custom authority needs https and
/// DisableInstanceDiscovery, and the SDK only sends the bearer token to hosts it is told about (libraries-measured.md).
/// </summary>
internal static class GraphSdk
{
    public const string GraphScope = "https://graph.microsoft.com/.default";

    public static ClientSecretCredential Secret(TestTenant tenant) =>
        new(tenant.Host.TenantId, tenant.Fixture.AuditorAppId, TestTenant.Secret,
            new ClientSecretCredentialOptions { AuthorityHost = tenant.Host.BaseUri, DisableInstanceDiscovery = true, Transport = new HttpClientTransport(tenant.PinnedHandler()) });

    public static ClientCertificateCredential Certificate(TestTenant tenant, X509Certificate2 certificate) =>
        new(tenant.Host.TenantId, tenant.Fixture.AuditorAppId, certificate,
            new ClientCertificateCredentialOptions { AuthorityHost = tenant.Host.BaseUri, DisableInstanceDiscovery = true, Transport = new HttpClientTransport(tenant.PinnedHandler()) });

    public static TokenCredential Credential(TestTenant tenant, string kind, X509Certificate2 certificate) =>
        kind == "certificate" ? Certificate(tenant, certificate) : Secret(tenant);

    /// <summary>A self-signed certificate standing in for the one uploaded to the auditor's app registration.</summary>
    public static X509Certificate2 NewCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=compliance-auditor", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(TestTenant.Anchor.AddYears(-1), TestTenant.Anchor.AddYears(1));
    }

    /// <summary>A client on <paramref name="version"/> ("v1.0" or "beta": the v1.0 models read beta's superset).</summary>
    public static GraphServiceClient Client(TestTenant tenant, TokenCredential credential, string version = "v1.0")
    {
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: tenant.PinnedHandler());
        var auth = new AzureIdentityAuthenticationProvider(credential, [tenant.Host.BaseUri.Host], null, true, [GraphScope]);
        return new GraphServiceClient(http, auth, tenant.Host.BaseUri.AbsoluteUri + version);
    }

    /// <summary>Every item of a collection, following @odata.nextLink with the SDK's own PageIterator.</summary>
    public static async Task<List<TItem>> AllAsync<TItem, TPage>(GraphServiceClient client, TPage? first)
        where TPage : IParsable, IAdditionalDataHolder, new()
    {
        var items = new List<TItem>();
        if (first is null)
        {
            return items;
        }

        var iterator = PageIterator<TItem, TPage>.CreatePageIterator(client, first, item =>
        {
            items.Add(item);
            return true;
        });
        await iterator.IterateAsync();
        return items;
    }
}
