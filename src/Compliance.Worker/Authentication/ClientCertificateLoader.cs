using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Authentication;

/// <summary>The auditor app's certificate with its private key, from a PFX/PEM file or from an X.509 store by thumbprint.</summary>
public static class ClientCertificateLoader
{
    public static (X509Certificate2 Certificate, CredentialSource Source) Load(AuthSettings auth, string key)
    {
        ArgumentNullException.ThrowIfNull(auth);
        return auth.CertificateThumbprint is { Length: > 0 } thumbprint ? FromStore(auth, thumbprint, key) : FromFile(auth, key);
    }

    /// <summary>
    /// On Linux .NET keeps CurrentUser stores as files under ~/.dotnet/corefx/cryptography/x509stores/{name}/ and has no
    /// LocalMachine/My (learn: dotnet/standard/security/cross-platform-cryptography, "X509Store").
    /// </summary>
    private static (X509Certificate2, CredentialSource) FromStore(AuthSettings auth, string thumbprint, string key)
    {
        var wanted = Thumbprints.Normalise(thumbprint);
        var where = $"{auth.CertificateStoreLocation}/{auth.CertificateStoreName}";
        X509Certificate2Collection found;
        try
        {
            using var store = new X509Store(auth.CertificateStoreName, auth.CertificateStoreLocation);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
        }
        catch (CryptographicException e)
        {
            throw new ConfigurationException($"{key}:Auth:CertificateStoreName: the store {where} cannot be opened ({e.GetType().Name})");
        }

        var certificate = found.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new ConfigurationException(found.Count == 0
                ? $"{key}:Auth:CertificateThumbprint: no certificate with thumbprint {wanted} in {where}"
                : $"{key}:Auth:CertificateThumbprint: the certificate {wanted} in {where} has no private key the service account can use");
        return (certificate, new CredentialSource("certificate from store", $"{where} {wanted}"));
    }

    private static (X509Certificate2, CredentialSource) FromFile(AuthSettings auth, string key)
    {
        var path = auth.CertificatePath!;
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"{key}:Auth:CertificatePath: file '{path}' not found");
        }

        var password = auth.CertificatePasswordEnvironmentVariable is { } v ? Environment.GetEnvironmentVariable(v) : null;
        try
        {
            var certificate = path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return (certificate, new CredentialSource("certificate from file", path));
        }
        catch (CryptographicException e)
        {
            throw new ConfigurationException($"{key}:Auth:CertificatePath: '{path}' could not be read as a certificate with private key ({e.GetType().Name})");
        }
    }
}
