using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace Compliance.Collectors.Secrets;

/// <summary>Reads a client secret from Azure Key Vault with Azure.Security.KeyVault.Secrets (GET {vault}/secrets/{name}/{version}).</summary>
public static class KeyVaultSecrets
{
    /// <param name="reference">The vault and secret.</param>
    /// <param name="vaultCredential">The identity that reads the vault (a managed identity on a real host), not the audited app.</param>
    /// <param name="verifyChallengeResource">
    /// The SDK only sends its token after checking that the vault host ends with the domain of the resource named in the
    /// 401 challenge (".vault.azure.net" for resource="https://vault.azure.net"; learn: SecretClientOptions.
    /// DisableChallengeResourceVerification, aka.ms/azsdk/blog/vault-uri). A vault reached at another host — a private
    /// endpoint alias, or the tenant simulator on 127.0.0.1 — fails that check, so only a Custom cloud turns it off.
    /// </param>
    /// <param name="transport">The HTTP handler (tests pin the simulator's certificate); null = the default.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<string> ReadAsync(
        KeyVaultSecretReference reference, TokenCredential vaultCredential, bool verifyChallengeResource, Func<HttpMessageHandler>? transport, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.VaultUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new SecretUnavailableException($"{reference.VaultUri}: a Key Vault URI must be https");
        }

        var options = new SecretClientOptions { DisableChallengeResourceVerification = !verifyChallengeResource };
        if (transport is not null)
        {
            options.Transport = new HttpClientTransport(transport());
        }

        try
        {
            var client = new SecretClient(reference.VaultUri, vaultCredential, options);
            var secret = await client.GetSecretAsync(reference.Name, reference.Version, cancellationToken);
            return string.IsNullOrEmpty(secret.Value.Value)
                ? throw new SecretUnavailableException($"{reference}: the secret is empty")
                : secret.Value.Value;
        }
        catch (RequestFailedException e)
        {
            throw new SecretUnavailableException($"{reference}: {Explain(e)}");
        }
        catch (AggregateException e) when (e.InnerExceptions.LastOrDefault() is RequestFailedException last)
        {
            // Azure.Core's retry policy gives up on an unreachable vault with "Retry failed after N tries".
            throw new SecretUnavailableException($"{reference}: the vault could not be reached after {e.InnerExceptions.Count} attempts ({Explain(last)})");
        }
        catch (AuthenticationFailedException e)
        {
            throw new SecretUnavailableException($"{reference}: no token for the vault ({e.Message.Split('\n', 2)[0]})");
        }
        catch (InvalidOperationException e) when (e.Message.Contains("challenge", StringComparison.OrdinalIgnoreCase))
        {
            throw new SecretUnavailableException($"{reference}: the vault's authentication challenge names a resource whose domain does not match the vault host ({e.Message.Split('\n', 2)[0]})");
        }
    }

    // The exception message would quote the whole response body; the status and error code say enough and carry no value.
    private static string Explain(RequestFailedException e) => e.Status switch
    {
        401 => $"HTTP 401 {e.ErrorCode}: the vault did not accept the token",
        403 => $"HTTP 403 {e.ErrorCode}: the identity may not read this secret — grant it the Key Vault Secrets User role (or a 'get' secret access policy)",
        404 => $"HTTP 404 {e.ErrorCode}: no such secret (or version) in this vault",
        0 => $"no answer: {e.Message.Split('\n', 2)[0]}",
        _ => $"HTTP {e.Status} {e.ErrorCode}",
    };
}
