using System.Text.Json.Nodes;

namespace Compliance.Worker.Tests.Authentication;

/// <summary>The CLI refuses an Auth section without exactly one usable source, exit 2 with one line naming the key.</summary>
public class AuthConfigurationTests
{
    private static async Task<(int Exit, string Error)> ReviewAsync(JsonObject auth)
    {
        using var workspace = new TestWorkspace();
        auth["ClientId"] = "11111111-1111-4111-8111-0000000000aa";
        workspace.Settings["Tenants"] = new JsonObject
        {
            ["contoso"] = new JsonObject { ["TenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47", ["Auth"] = auth },
        };
        var (exit, _, error) = await workspace.RunAsync("review", "--tenant", "contoso");
        return (exit, error.Trim());
    }

    [Fact]
    public async Task Two_secret_sources_are_refused()
    {
        var (exit, error) = await ReviewAsync(new JsonObject
        {
            ["Mode"] = "Secret", ["SecretEnvironmentVariable"] = "CONTOSO_SECRET", ["KeyVaultUri"] = "https://contoso-audit.vault.azure.net/", ["KeyVaultSecretName"] = "auditor",
        });

        Assert.Equal(2, exit);
        Assert.Equal("configuration error: appsettings.json: Tenants:contoso:Auth:KeyVaultUri: give exactly one secret source, not SecretEnvironmentVariable and KeyVaultUri", error);
    }

    [Fact]
    public async Task No_secret_source_is_refused()
    {
        var (exit, error) = await ReviewAsync(new JsonObject { ["Mode"] = "Secret" });

        Assert.Equal(2, exit);
        Assert.StartsWith("configuration error: appsettings.json: Tenants:contoso:Auth:SecretEnvironmentVariable: Mode=Secret needs one secret source", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vault_without_a_secret_name_names_the_missing_key()
    {
        var (exit, error) = await ReviewAsync(new JsonObject { ["Mode"] = "Secret", ["KeyVaultUri"] = "https://contoso-audit.vault.azure.net/" });

        Assert.Equal(2, exit);
        Assert.StartsWith("configuration error: appsettings.json: Tenants:contoso:Auth:KeyVaultSecretName: required with KeyVaultUri", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thumbprint_not_in_the_store_exits_2_naming_the_key()
    {
        var thumbprint = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        var (exit, error) = await ReviewAsync(new JsonObject { ["Mode"] = "Certificate", ["CertificateThumbprint"] = thumbprint });

        Assert.Equal(2, exit);
        Assert.Equal($"configuration error: Tenants:contoso:Auth:CertificateThumbprint: no certificate with thumbprint {thumbprint} in CurrentUser/My", error);
    }

    [Fact]
    public async Task A_thumbprint_that_is_not_sha1_hex_is_refused()
    {
        var (exit, error) = await ReviewAsync(new JsonObject { ["Mode"] = "Certificate", ["CertificateThumbprint"] = "not-a-thumbprint" });

        Assert.Equal(2, exit);
        Assert.StartsWith("configuration error: appsettings.json: Tenants:contoso:Auth:CertificateThumbprint: must be the certificate's SHA-1 thumbprint", error, StringComparison.Ordinal);
    }
}
