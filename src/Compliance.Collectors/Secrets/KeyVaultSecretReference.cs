namespace Compliance.Collectors.Secrets;

/// <summary>A secret in Azure Key Vault: the vault URI (https://{name}.vault.azure.net/), the secret name and optionally a version.</summary>
public sealed record KeyVaultSecretReference(Uri VaultUri, string Name, string? Version = null)
{
    /// <summary>Where the secret lives, for messages and `doctor` (the value is never part of it).</summary>
    public override string ToString() => $"{VaultUri.AbsoluteUri.TrimEnd('/')}/secrets/{Name}{(Version is null ? "" : "/" + Version)}";
}
