using Compliance.Worker.Configuration;
using Compliance.Worker.Doctor;
using Compliance.Worker.Review;
using Compliance.Worker.Tests.Authentication;

namespace Compliance.Worker.Tests.Configuration;

/// <summary>
/// Issue 4 requirement 1, clouds: Global, USGov and China resolve to their documented hosts (learn: graph/deployments),
/// every endpoint can be set in Tenants:{name}:Endpoints, and a Custom cloud reaches every API it names.
/// </summary>
public class TenantEndpointsTests
{
    private static Compliance.Collectors.CloudEndpoints For(CloudKind cloud, EndpointSettings? endpoints = null) =>
        TenantEndpoints.For(new TenantSettings { Cloud = cloud, Endpoints = endpoints }, "Tenants:t");

    [Theory]
    [InlineData(CloudKind.Global, "https://login.microsoftonline.com/", "https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/beta", "https://outlook.office365.com/", "https://api.loganalytics.azure.com/", "https://graph.microsoft.com/.default")]
    [InlineData(CloudKind.USGov, "https://login.microsoftonline.us/", "https://graph.microsoft.us/v1.0", "https://graph.microsoft.us/beta", "https://outlook.office365.us/", "https://api.loganalytics.us/", "https://graph.microsoft.us/.default")]
    [InlineData(CloudKind.China, "https://login.chinacloudapi.cn/", "https://microsoftgraph.chinacloudapi.cn/v1.0", "https://microsoftgraph.chinacloudapi.cn/beta", "https://partner.outlook.cn/", "https://api.loganalytics.azure.cn/", "https://microsoftgraph.chinacloudapi.cn/.default")]
    public void National_clouds_resolve_to_their_own_hosts(CloudKind cloud, string authority, string graph, string beta, string exchange, string logAnalytics, string graphScope)
    {
        var endpoints = For(cloud);

        Assert.Equal(
            (authority, graph, beta, exchange, logAnalytics, graphScope),
            (endpoints.AuthorityHost.AbsoluteUri, endpoints.GraphBaseUrl.AbsoluteUri, endpoints.GraphBetaUrl.AbsoluteUri,
                endpoints.ExchangeAdminBaseUrl.AbsoluteUri, endpoints.LogAnalyticsBaseUrl.AbsoluteUri, endpoints.GraphScope));
    }

    [Fact]
    public void Every_endpoint_and_scope_of_a_custom_cloud_is_taken_from_the_settings()
    {
        var endpoints = For(CloudKind.Custom, new EndpointSettings
        {
            AuthorityHost = new Uri("https://login.example.test/"), Graph = new Uri("https://graph.example.test/"),
            ExchangeAdmin = new Uri("https://exo.example.test/"), LogAnalytics = new Uri("https://la.example.test/"),
            GraphScope = "https://graph.example.test/.default", ExchangeScope = "https://exo.example.test/.default", LogAnalyticsScope = "https://la.example.test/.default",
        });

        Assert.Equal("https://graph.example.test/v1.0", endpoints.GraphBaseUrl.AbsoluteUri); // a bare host gets the v1.0 path
        Assert.Equal(
            ("https://login.example.test/", "https://exo.example.test/", "https://la.example.test/"),
            (endpoints.AuthorityHost.AbsoluteUri, endpoints.ExchangeAdminBaseUrl.AbsoluteUri, endpoints.LogAnalyticsBaseUrl.AbsoluteUri));
        Assert.Equal(
            ("https://graph.example.test/.default", "https://exo.example.test/.default", "https://la.example.test/.default"),
            (endpoints.GraphScope, endpoints.ExchangeScope, endpoints.LogAnalyticsScope));
    }

    [Fact]
    public void One_endpoint_of_a_national_cloud_can_be_moved_and_the_rest_stays()
    {
        var endpoints = For(CloudKind.USGov, new EndpointSettings { LogAnalytics = new Uri("https://la-proxy.example.test/") });

        Assert.Equal("https://la-proxy.example.test/", endpoints.LogAnalyticsBaseUrl.AbsoluteUri);
        Assert.Equal("https://graph.microsoft.us/v1.0", endpoints.GraphBaseUrl.AbsoluteUri);
        Assert.Equal("https://api.loganalytics.us/.default", endpoints.LogAnalyticsScope);
    }

    [Fact]
    public void A_custom_cloud_without_its_hosts_names_the_key()
    {
        var error = Assert.Throws<ConfigurationException>(() => For(CloudKind.Custom, new EndpointSettings { AuthorityHost = new Uri("https://login.example.test/") }));

        Assert.Equal("Tenants:t:Endpoints:Graph: required for Cloud=Custom", error.Message);
    }

    [Fact]
    public async Task Doctor_over_a_custom_cloud_at_the_simulator_reaches_every_source_and_names_the_credential_source()
    {
        await using var vault = await VaultTenant.StartAsync();
        var auth = new AuthSettings { Mode = AuthMode.Secret, KeyVaultUri = vault.Host.BaseUri, KeyVaultSecretName = VaultTenant.SecretName };
        var settings = new ComplianceSettings
        {
            Tenants = { ["contoso"] = vault.Settings(auth) },
            // Message trace reads what the register's approved senders sent.
            Integrations = { ["contoso"] = [new IntegrationSettings { Name = "Payroll", AppId = "11111111-1111-4111-8111-000000000001", ApprovedSenders = ["payroll-notification@contoso-demo.example"] }] },
        };
        await using var session = await ConfiguredTenantSession.CreateAsync("contoso", settings, vault.Stores, vault.Transport, CancellationToken.None);

        // Collection is paced to Microsoft's real limits and polls the audit query every 15 s: this check takes about a minute.
        var checks = await new PreflightDoctor(settings, TimeProvider.System).CheckAsync(session, CancellationToken.None);
        using var table = new StringWriter();
        DoctorTable.Write(table, "contoso", checks);

        Assert.All(checks.Where(c => c.Name != "alerts"), c => Assert.True(c.Status == CheckStatus.Ok, $"{c.Name}: {c.Detail}"));
        Assert.Equal($"client secret from Key Vault {vault.Host.BaseUri.AbsoluteUri}secrets/{VaultTenant.SecretName}", checks.Single(c => c.Name == "credential").Detail);
        Assert.DoesNotContain(vault.Secret, table.ToString(), StringComparison.Ordinal);
    }
}
