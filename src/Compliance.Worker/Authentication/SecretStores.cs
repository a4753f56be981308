using System.Reflection;
using Azure.Core;
using Compliance.Collectors;
using Compliance.Worker.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace Compliance.Worker.Authentication;

/// <summary>
/// What reading a referenced secret needs beyond the settings: the user-secrets id (the worker's UserSecretsId by default),
/// and for Key Vault the identity and HTTP handler (tests point them at the simulator's vault).
/// </summary>
public sealed record SecretStores
{
    public static SecretStores Default { get; } = new();

    /// <summary>The id under which `dotnet user-secrets` keeps the worker's secrets (~/.microsoft/usersecrets/{id}/secrets.json).</summary>
    public string? UserSecretsId { get; init; } = typeof(SecretStores).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()?.UserSecretsId;

    /// <summary>The identity that reads the vault; null = the one Auth:KeyVaultIdentity names.</summary>
    public TokenCredential? VaultCredential { get; init; }

    /// <summary>The HTTP handler for the vault; null = the default.</summary>
    public Func<HttpMessageHandler>? VaultTransport { get; init; }

    public TokenCredential VaultCredentialFor(AuthSettings auth) => VaultCredential ?? auth.KeyVaultIdentity switch
    {
        KeyVaultIdentity.Environment => TenantCredentials.Environment(),
        _ => TenantCredentials.ManagedIdentity(auth.KeyVaultManagedIdentityClientId),
    };
}
