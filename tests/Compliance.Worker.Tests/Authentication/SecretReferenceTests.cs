using Azure.Core;
using Compliance.Worker.Authentication;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace Compliance.Worker.Tests.Authentication;

/// <summary>
/// Issue 4 requirement 1: the client secret by reference — environment variable, user secrets, Key Vault — reaches the
/// token endpoint; an unresolvable reference is a configuration error naming the key, and never shows the value.
/// </summary>
public class SecretReferenceTests
{
    private static ComplianceSettings With(string name, TenantSettings tenant) => new() { Tenants = { [name] = tenant } };

    private static async Task<ConfiguredTenantSession> OpenAsync(VaultTenant vault, AuthSettings auth, SecretStores? stores = null) =>
        await ConfiguredTenantSession.CreateAsync("contoso", With("contoso", vault.Settings(auth)), stores ?? vault.Stores, vault.Transport, CancellationToken.None);

    private static async Task<AccessToken> GraphTokenAsync(ConfiguredTenantSession session) =>
        await session.Connection.Credential.GetTokenAsync(new TokenRequestContext([session.Connection.Endpoints.GraphScope]), CancellationToken.None);

    [Fact]
    public async Task A_secret_in_Key_Vault_authenticates_and_doctor_names_the_vault_not_the_value()
    {
        await using var vault = await VaultTenant.StartAsync();
        await using var session = await OpenAsync(vault, new AuthSettings { Mode = AuthMode.Secret, KeyVaultUri = vault.Host.BaseUri, KeyVaultSecretName = VaultTenant.SecretName });

        Assert.False(string.IsNullOrEmpty((await GraphTokenAsync(session)).Token));
        Assert.Equal("client secret from Key Vault", session.CredentialSource.Kind);
        Assert.Equal($"{vault.Host.BaseUri.AbsoluteUri}secrets/{VaultTenant.SecretName}", session.CredentialSource.Reference);
        Assert.DoesNotContain(vault.Secret, session.CredentialSource.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "HTTP 404 SecretNotFound")]
    [InlineData(true, "HTTP 403 Forbidden")]
    public async Task A_vault_that_has_no_such_secret_or_denies_it_is_a_configuration_error_naming_the_key(bool deny, string expected)
    {
        var fixture = deny ? DeniedVaultFixture() : null;
        await using var vault = await VaultTenant.StartAsync(fixture);
        var auth = new AuthSettings { Mode = AuthMode.Secret, KeyVaultUri = vault.Host.BaseUri, KeyVaultSecretName = deny ? VaultTenant.SecretName : "missing" };

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => OpenAsync(vault, auth));

        Assert.StartsWith("Tenants:contoso:Auth:KeyVaultSecretName: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(vault.Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_in_an_environment_variable_authenticates_and_an_unset_one_names_the_key()
    {
        await using var vault = await VaultTenant.StartAsync();
        var variable = "COMPLIANCE_TEST_SECRET_" + Guid.NewGuid().ToString("N");
        var auth = new AuthSettings { Mode = AuthMode.Secret, SecretEnvironmentVariable = variable };

        var unset = await Assert.ThrowsAsync<ConfigurationException>(() => OpenAsync(vault, auth));
        Environment.SetEnvironmentVariable(variable, vault.Secret);
        try
        {
            await using var session = await OpenAsync(vault, auth);
            Assert.False(string.IsNullOrEmpty((await GraphTokenAsync(session)).Token));
            Assert.Equal(new CredentialSource("client secret from environment variable", variable), session.CredentialSource);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Assert.Equal($"Tenants:contoso:Auth:SecretEnvironmentVariable: environment variable '{variable}' is not set", unset.Message);
    }

    [Fact]
    public async Task A_secret_in_user_secrets_authenticates_and_a_missing_key_names_the_key_and_no_value()
    {
        await using var vault = await VaultTenant.StartAsync();
        // A user-secrets id of the test's own, so the developer's real user secrets are never touched.
        var id = "compliance-test-" + Guid.NewGuid().ToString("N");
        var file = PathHelper.GetSecretsPathFromSecretsId(id);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, $$"""{ "Tenants:contoso:ClientSecret": "{{vault.Secret}}" }""");
        try
        {
            var stores = vault.Stores with { UserSecretsId = id };
            await using var session = await OpenAsync(vault, new AuthSettings { Mode = AuthMode.Secret, SecretUserSecretsKey = "Tenants:contoso:ClientSecret" }, stores);
            Assert.False(string.IsNullOrEmpty((await GraphTokenAsync(session)).Token));
            Assert.Equal(new CredentialSource("client secret from user secrets", "Tenants:contoso:ClientSecret"), session.CredentialSource);

            var missing = await Assert.ThrowsAsync<ConfigurationException>(() =>
                OpenAsync(vault, new AuthSettings { Mode = AuthMode.Secret, SecretUserSecretsKey = "Tenants:fabrikam:ClientSecret" }, stores));
            Assert.StartsWith("Tenants:contoso:Auth:SecretUserSecretsKey: 'Tenants:fabrikam:ClientSecret' is not in the user secrets", missing.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(vault.Secret, missing.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private static Compliance.TenantSimulator.TenantFixture DeniedVaultFixture()
    {
        var demo = System.Text.Json.Nodes.JsonNode.Parse(
            typeof(Compliance.TenantSimulator.TenantFixture).Assembly.GetManifestResourceStream("Compliance.TenantSimulator.Fixtures.demo.tenant.json")!)!;
        demo["failures"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "deniedPermissions": ["keyVault"] }""");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(demo.ToJsonString()));
        return Compliance.TenantSimulator.TenantFixture.Load(stream, DateTimeOffset.UtcNow);
    }
}
