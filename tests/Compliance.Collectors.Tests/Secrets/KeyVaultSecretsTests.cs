using System.Security.Cryptography;
using Compliance.Collectors.Secrets;
using Compliance.TenantSimulator;

namespace Compliance.Collectors.Tests.Secrets;

/// <summary>
/// The client secret read from Key Vault with the real SDK against the simulator's vault: the 401 challenge, the token
/// for https://vault.azure.net, then the secret; and each failure a clear message that never carries a secret value.
/// </summary>
public class KeyVaultSecretsTests
{
    private const string SecretName = "contoso-auditor";

    private static readonly string VaultValue = "kv~" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    private static async Task<(SimulatorHost Host, TenantFixture Fixture, string AppSecret)> StartAsync(bool denyVault = false)
    {
        var fixture = denyVault ? FixtureJson.WithFailures("\"deniedPermissions\": [\"keyVault\"]") : TenantFixture.LoadDemo(RunningTenant.Anchor);

        var appSecret = "Q~" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        var host = await SimulatorHost.StartAsync(fixture, new SimulatorOptions
        {
            ClientSecret = appSecret, KeyVaultSecrets = new Dictionary<string, string> { [SecretName] = VaultValue },
        }, CancellationToken.None);
        return (host, fixture, appSecret);
    }

    private static Task<string> ReadAsync(SimulatorHost host, TenantFixture fixture, string appSecret, string name, string? version = null, bool verifyChallengeResource = false)
    {
        var endpoints = CloudEndpoints.ForSimulator(host.BaseUri);
        var transport = PinnedCertificate.Handler(host.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
        var vaultCredential = TenantCredentials.ClientSecret(host.TenantId, fixture.AuditorAppId, appSecret, endpoints, transport);
        return KeyVaultSecrets.ReadAsync(new KeyVaultSecretReference(host.BaseUri, name, version), vaultCredential, verifyChallengeResource, transport, CancellationToken.None);
    }

    [Fact]
    public async Task The_secret_is_read_after_the_challenge_with_a_token_for_the_vault()
    {
        var (host, fixture, appSecret) = await StartAsync();
        await using var _ = host;

        Assert.Equal(VaultValue, await ReadAsync(host, fixture, appSecret, SecretName));

        var vaultRequests = host.Requests.Entries.Where(e => e.PathAndQuery.StartsWith("/secrets/", StringComparison.Ordinal)).ToList();
        Assert.Equal([(false, 401), (true, 200)], vaultRequests.Select(e => (e.HadBearerToken, e.Status)));
        Assert.All(vaultRequests, e => Assert.Contains("api-version=", e.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_secret_or_version_is_a_404_naming_the_secret()
    {
        var (host, fixture, appSecret) = await StartAsync();
        await using var _ = host;

        var missing = await Assert.ThrowsAsync<SecretUnavailableException>(() => ReadAsync(host, fixture, appSecret, "nope"));
        var wrongVersion = await Assert.ThrowsAsync<SecretUnavailableException>(() => ReadAsync(host, fixture, appSecret, SecretName, new string('0', 32)));

        Assert.Contains("/secrets/nope: HTTP 404 SecretNotFound", missing.Message, StringComparison.Ordinal);
        Assert.Contains($"/secrets/{SecretName}/{new string('0', 32)}: HTTP 404", wrongVersion.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(VaultValue, wrongVersion.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vault_that_denies_the_identity_is_a_403_with_the_role_to_grant_and_no_value()
    {
        var (host, fixture, appSecret) = await StartAsync(denyVault: true);
        await using var _ = host;

        var denied = await Assert.ThrowsAsync<SecretUnavailableException>(() => ReadAsync(host, fixture, appSecret, SecretName));

        Assert.Contains("HTTP 403 Forbidden", denied.Message, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", denied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(VaultValue, denied.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(appSecret, denied.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_challenge_verification_on_no_token_is_sent_to_a_host_outside_the_vault_domain()
    {
        var (host, fixture, appSecret) = await StartAsync();
        await using var _ = host;

        var refused = await Assert.ThrowsAsync<SecretUnavailableException>(() => ReadAsync(host, fixture, appSecret, SecretName, verifyChallengeResource: true));

        Assert.Contains("does not match the vault host", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Requests.Entries, e => e.PathAndQuery.StartsWith("/secrets/", StringComparison.Ordinal) && e.HadBearerToken);
    }

    [Fact]
    public async Task An_unreachable_vault_is_named_with_the_attempts_made()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (host, fixture, appSecret) = await StartAsync();
        await using var _ = host;
        var transport = PinnedCertificate.Handler(host.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
        var vaultCredential = TenantCredentials.ClientSecret(host.TenantId, fixture.AuditorAppId, appSecret, CloudEndpoints.ForSimulator(host.BaseUri), transport);
        var closed = new KeyVaultSecretReference(new Uri($"https://127.0.0.1:{port}/"), SecretName);

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() =>
            KeyVaultSecrets.ReadAsync(closed, vaultCredential, verifyChallengeResource: false, transport, CancellationToken.None));

        Assert.StartsWith($"https://127.0.0.1:{port}/secrets/{SecretName}: the vault could not be reached after ", error.Message, StringComparison.Ordinal);
    }
}
