using Compliance.Collectors.Secrets;
using Compliance.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace Compliance.Worker.Authentication;

/// <summary>
/// Reads the client secret from the one store Auth references (the validator has made sure there is exactly one). A
/// reference that cannot be resolved is a configuration error naming the key; the value never appears in a message.
/// </summary>
public static class ClientSecretResolver
{
    public static async Task<(string Secret, CredentialSource Source)> ResolveAsync(
        AuthSettings auth, string key, bool customCloud, SecretStores stores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(stores);
        if (auth.SecretEnvironmentVariable is { Length: > 0 } variable)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            return string.IsNullOrEmpty(value)
                ? throw new ConfigurationException($"{key}:Auth:SecretEnvironmentVariable: environment variable '{variable}' is not set")
                : (value, new CredentialSource("client secret from environment variable", variable));
        }

        if (auth.SecretUserSecretsKey is { Length: > 0 } userSecretsKey)
        {
            return (FromUserSecrets(userSecretsKey, key, stores), new CredentialSource("client secret from user secrets", userSecretsKey));
        }

        var reference = new KeyVaultSecretReference(auth.KeyVaultUri!, auth.KeyVaultSecretName!, auth.KeyVaultSecretVersion);
        try
        {
            // A Custom cloud's vault may sit outside *.vault.azure.net (the simulator does): see KeyVaultSecrets.ReadAsync.
            var secret = await KeyVaultSecrets.ReadAsync(reference, stores.VaultCredentialFor(auth), verifyChallengeResource: !customCloud, stores.VaultTransport, cancellationToken);
            return (secret, new CredentialSource("client secret from Key Vault", reference.ToString()));
        }
        catch (SecretUnavailableException e)
        {
            throw new ConfigurationException($"{key}:Auth:KeyVaultSecretName: {e.Message}");
        }
    }

    private static string FromUserSecrets(string userSecretsKey, string key, SecretStores stores)
    {
        if (stores.UserSecretsId is not { Length: > 0 } id)
        {
            throw new ConfigurationException($"{key}:Auth:SecretUserSecretsKey: this build has no UserSecretsId, so there are no user secrets to read");
        }

        var value = new ConfigurationBuilder().AddUserSecrets(id, reloadOnChange: false).Build()[userSecretsKey];
        return string.IsNullOrEmpty(value)
            ? throw new ConfigurationException(
                $"{key}:Auth:SecretUserSecretsKey: '{userSecretsKey}' is not in the user secrets (set it with: dotnet user-secrets set \"{userSecretsKey}\" VALUE --project src/Compliance.Worker)")
            : value;
    }
}
