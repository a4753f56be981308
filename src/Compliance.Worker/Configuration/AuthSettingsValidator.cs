namespace Compliance.Worker.Configuration;

/// <summary>The Auth section of one tenant: a client id, and exactly one source of the secret or certificate its mode needs.</summary>
internal static class AuthSettingsValidator
{
    public static IEnumerable<(string Key, string Problem)> Validate(string key, AuthSettings auth)
    {
        if (!Guid.TryParse(auth.ClientId, out _) && auth.Mode != AuthMode.ManagedIdentity)
        {
            yield return ($"{key}:ClientId", $"must be the app registration's application (client) id GUID (was '{auth.ClientId}')");
        }

        var problems = auth.Mode switch
        {
            AuthMode.Secret => SecretSources(key, auth),
            AuthMode.Certificate => CertificateSources(key, auth),
            _ => [],
        };
        foreach (var problem in problems)
        {
            yield return problem;
        }
    }

    private static IEnumerable<(string Key, string Problem)> SecretSources(string key, AuthSettings auth)
    {
        var given = new[]
        {
            (Name: "SecretEnvironmentVariable", Set: !string.IsNullOrWhiteSpace(auth.SecretEnvironmentVariable)),
            (Name: "SecretUserSecretsKey", Set: !string.IsNullOrWhiteSpace(auth.SecretUserSecretsKey)),
            (Name: "KeyVaultUri", Set: auth.KeyVaultUri is not null || !string.IsNullOrWhiteSpace(auth.KeyVaultSecretName)),
        }.Where(s => s.Set).Select(s => s.Name).ToList();
        if (given.Count == 0)
        {
            yield return ($"{key}:SecretEnvironmentVariable",
                "Mode=Secret needs one secret source: SecretEnvironmentVariable, SecretUserSecretsKey, or KeyVaultUri + KeyVaultSecretName (secrets are never stored in appsettings.json)");
        }
        else if (given.Count > 1)
        {
            yield return ($"{key}:{given[1]}", $"give exactly one secret source, not {string.Join(" and ", given)}");
        }

        if (auth.KeyVaultUri is null && !string.IsNullOrWhiteSpace(auth.KeyVaultSecretName))
        {
            yield return ($"{key}:KeyVaultUri", "required with KeyVaultSecretName: the vault, e.g. https://contoso-audit.vault.azure.net/");
        }

        if (auth.KeyVaultUri is { } vault && (!vault.IsAbsoluteUri || vault.Scheme != Uri.UriSchemeHttps))
        {
            yield return ($"{key}:KeyVaultUri", $"must be an absolute https URI (was '{vault}')");
        }

        if (auth.KeyVaultUri is not null && string.IsNullOrWhiteSpace(auth.KeyVaultSecretName))
        {
            yield return ($"{key}:KeyVaultSecretName", "required with KeyVaultUri: the name of the secret in the vault");
        }
    }

    private static IEnumerable<(string Key, string Problem)> CertificateSources(string key, AuthSettings auth)
    {
        var path = !string.IsNullOrWhiteSpace(auth.CertificatePath);
        var thumbprint = !string.IsNullOrWhiteSpace(auth.CertificateThumbprint);
        if (path == thumbprint)
        {
            yield return ($"{key}:{(path ? "CertificateThumbprint" : "CertificatePath")}", path
                ? "give CertificatePath or CertificateThumbprint, not both"
                : "Mode=Certificate needs CertificatePath (a PFX/PEM file readable by the service account) or CertificateThumbprint (a certificate in the store)");
        }

        if (thumbprint && !IsSha1Hex(Thumbprints.Normalise(auth.CertificateThumbprint!)))
        {
            yield return ($"{key}:CertificateThumbprint", $"must be the certificate's SHA-1 thumbprint, 40 hex digits (was '{auth.CertificateThumbprint}')");
        }
    }

    private static bool IsSha1Hex(string value) =>
        value.Length == 40 && value.All(c => char.IsAsciiHexDigit(c));
}
