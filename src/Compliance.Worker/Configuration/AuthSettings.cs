using System.Security.Cryptography.X509Certificates;

namespace Compliance.Worker.Configuration;

/// <summary>
/// How the service authenticates to a tenant (appsettings.json Tenants:{name}:Auth). Secrets are referenced, never
/// stored here (architecture.md §6): Mode=Secret takes exactly one of <see cref="SecretEnvironmentVariable"/>,
/// <see cref="SecretUserSecretsKey"/> or <see cref="KeyVaultUri"/> + <see cref="KeyVaultSecretName"/>; Mode=Certificate
/// exactly one of <see cref="CertificatePath"/> or <see cref="CertificateThumbprint"/>.
/// </summary>
public sealed class AuthSettings
{
    public AuthMode Mode { get; set; } = AuthMode.Certificate;

    public string? ClientId { get; set; }

    /// <summary>A PFX or PEM file with the private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePasswordEnvironmentVariable { get; set; }

    /// <summary>SHA-1 thumbprint of a certificate with private key in <see cref="CertificateStoreLocation"/>/<see cref="CertificateStoreName"/>.</summary>
    public string? CertificateThumbprint { get; set; }

    public StoreLocation CertificateStoreLocation { get; set; } = StoreLocation.CurrentUser;

    public StoreName CertificateStoreName { get; set; } = StoreName.My;

    /// <summary>The environment variable that holds the client secret.</summary>
    public string? SecretEnvironmentVariable { get; set; }

    /// <summary>The key of the client secret in the worker's user secrets (dotnet user-secrets set KEY VALUE --project src/Compliance.Worker).</summary>
    public string? SecretUserSecretsKey { get; set; }

    /// <summary>The vault holding the client secret, e.g. https://contoso-audit.vault.azure.net/.</summary>
    public Uri? KeyVaultUri { get; set; }

    public string? KeyVaultSecretName { get; set; }

    /// <summary>A fixed version of the secret; null = the current version.</summary>
    public string? KeyVaultSecretVersion { get; set; }

    /// <summary>Who reads the vault: the host's managed identity (default), or the AZURE_* environment variables.</summary>
    public KeyVaultIdentity KeyVaultIdentity { get; set; } = KeyVaultIdentity.ManagedIdentity;

    /// <summary>Client id of a user-assigned managed identity for the vault; null = the system-assigned identity.</summary>
    public string? KeyVaultManagedIdentityClientId { get; set; }
}
