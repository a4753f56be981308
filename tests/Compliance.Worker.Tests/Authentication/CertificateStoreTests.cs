using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;

namespace Compliance.Worker.Tests.Authentication;

/// <summary>
/// Auth:CertificateThumbprint: the auditor app's certificate taken from the CurrentUser/My store (on Linux
/// ~/.dotnet/corefx/cryptography/x509stores/my) signs the client assertion ClientCertificateCredential sends.
/// </summary>
public class CertificateStoreTests
{
    [Fact]
    public async Task A_certificate_in_the_store_obtains_a_token_and_is_named_by_thumbprint()
    {
        await using var vault = await VaultTenant.StartAsync();
        using var rsa = RSA.Create(2048);
        using var generated = new CertificateRequest("CN=compliance-auditor-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // The store keeps what it is given; an exported PFX carries the private key into it.
        using var withKey = X509CertificateLoader.LoadPkcs12(generated.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(withKey);
        try
        {
            var auth = new AuthSettings { Mode = AuthMode.Certificate, CertificateThumbprint = withKey.Thumbprint.ToLowerInvariant() };
            var settings = new ComplianceSettings { Tenants = { ["contoso"] = vault.Settings(auth) } };
            await using var session = await ConfiguredTenantSession.CreateAsync("contoso", settings, null, vault.Transport, CancellationToken.None);

            var token = await session.Connection.Credential.GetTokenAsync(new TokenRequestContext([session.Connection.Endpoints.GraphScope]), CancellationToken.None);

            Assert.False(string.IsNullOrEmpty(token.Token));
            Assert.Equal("certificate from store", session.CredentialSource.Kind);
            Assert.Equal($"CurrentUser/My {withKey.Thumbprint}", session.CredentialSource.Reference);
            Assert.Contains(vault.Host.Requests.Entries, e => e.PathAndQuery.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && e.Status == 200);
        }
        finally
        {
            store.Remove(withKey);
        }
    }
}
