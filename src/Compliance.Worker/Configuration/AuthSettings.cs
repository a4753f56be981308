namespace Compliance.Worker.Configuration;

/// <summary>
/// How the service authenticates to a tenant. Secrets are referenced, never stored here: the secret comes
/// from the environment variable named by <see cref="SecretEnvironmentVariable"/> (architecture.md §6).
/// </summary>
public sealed class AuthSettings
{
    public AuthMode Mode { get; set; } = AuthMode.Certificate;

    public string? ClientId { get; set; }

    public string? CertificatePath { get; set; }

    public string? CertificatePasswordEnvironmentVariable { get; set; }

    public string? SecretEnvironmentVariable { get; set; }
}
