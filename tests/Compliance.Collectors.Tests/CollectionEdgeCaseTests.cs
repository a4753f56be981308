using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Compliance.Rules.Evidence;
using Compliance.TenantSimulator;

namespace Compliance.Collectors.Tests;

public class CollectionEdgeCaseTests
{
    [Fact]
    public async Task One_failing_source_does_not_abort_or_empty_the_others()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var connection = tenant.Connection();
        connection = connection with { Credential = new ScopeFailingCredential(connection.Credential, CloudEndpoints.ExchangeDefaultScope) };
        var progress = new List<string>();
        var evidence = await new EvidenceCollection(connection, new MemorySink(), TimeProvider.System, RunningTenant.Window, RunningTenant.Options).CollectAsync(new SyncProgress(progress), CancellationToken.None);

        var policies = evidence.Sources.Single(s => s.Name == EvidenceSources.AccessPolicies);
        Assert.Equal(SourceState.NotCollected, policies.State);
        Assert.Contains("AADSTS500011", policies.Reason, StringComparison.Ordinal);
        Assert.Empty(evidence.AccessPolicies);
        // Only the sources that need an Exchange token are hurt: organization config fails, mailboxes lose Get-Mailbox.
        Assert.Equal(SourceState.NotCollected, evidence.Sources.Single(s => s.Name == EvidenceSources.OrganizationConfig).State);
        Assert.Contains("Get-Mailbox not read", evidence.Sources.Single(s => s.Name == EvidenceSources.Mailboxes).Reason, StringComparison.Ordinal);
        string[] exchange = [EvidenceSources.AccessPolicies, EvidenceSources.OrganizationConfig, EvidenceSources.Mailboxes];
        Assert.All(evidence.Sources.Where(s => !exchange.Contains(s.Name)), s => Assert.Equal(SourceState.Collected, s.State));
        Assert.Equal(248, evidence.Applications.Count);
        Assert.Contains(progress, p => p.StartsWith("applicationAccessPolicies: not collected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grant_whose_role_is_not_published_by_the_resource_is_kept_with_a_null_value()
    {
        const string json = """
        { "tenant": { "id": "00000000-0000-4000-8000-000000000099", "name": "t", "domain": "t.example" },
          "auditorAppId": "00000000-0000-4000-8000-0000000000aa",
          "apps": [
            { "appId": "00000000-0000-4000-8000-0000000000aa", "displayName": "Auditor" },
            { "appId": "00000000-0000-4000-8000-000000000001", "displayName": "Legacy",
              "grants": [ { "resource": "graph", "roleId": "0f0f0f0f-0000-4000-8000-000000000000" }, { "resource": "graph", "role": "Mail.Send" } ] } ] }
        """;
        var fixture = TenantFixture.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), RunningTenant.Anchor);
        await using var tenant = await RunningTenant.StartAsync(fixture);
        var (evidence, _) = await tenant.CollectAsync();

        Assert.Equal(2, evidence.AppRoleGrants.Count);
        var unknown = Assert.Single(evidence.AppRoleGrants, g => g.AppRoleId == "0f0f0f0f-0000-4000-8000-000000000000");
        Assert.Null(unknown.AppRoleValue);
        Assert.Equal(WellKnownIds.MicrosoftGraphAppId, unknown.ResourceAppId);
        Assert.Equal(WellKnownIds.MailSend, evidence.AppRoleGrants.Single(g => g.AppRoleId == WellKnownIds.GraphMailSendRoleId).AppRoleValue);
        Assert.Empty(evidence.AccessPolicies);
        Assert.Equal(SourceState.Collected, evidence.Sources.Single(s => s.Name == EvidenceSources.AccessPolicies).State);
    }

    [Fact]
    public async Task Certificate_credential_obtains_tokens_through_a_client_assertion()
    {
        await using var tenant = await RunningTenant.StartAsync();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=compliance-auditor", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var endpoints = CloudEndpoints.ForSimulator(tenant.Host.BaseUri);
        var transport = PinnedCertificate.Handler(tenant.Thumbprint);
        var credential = TenantCredentials.Certificate(tenant.Host.TenantId, tenant.Fixture.AuditorAppId, certificate, endpoints, transport);
        var (evidence, _) = await tenant.CollectAsync(new TenantConnection(tenant.Host.TenantId, endpoints, credential, transport));

        Assert.All(evidence.Sources, s => Assert.Equal(SourceState.Collected, s.State));
        Assert.Equal(248, evidence.Applications.Count);
    }

    [Fact]
    public void Simulator_endpoints_put_everything_at_the_base_uri_and_keep_the_real_scopes()
    {
        var endpoints = CloudEndpoints.ForSimulator(new Uri("https://127.0.0.1:5555"));
        Assert.Equal("https://127.0.0.1:5555/v1.0", endpoints.GraphBaseUrl.AbsoluteUri);
        Assert.Equal("https://127.0.0.1:5555/", endpoints.AuthorityHost.AbsoluteUri);
        Assert.Equal("https://graph.microsoft.com/.default", endpoints.GraphScope);
        Assert.Equal("https://outlook.office365.com/.default", endpoints.ExchangeScope);
        Assert.Equal("https://login.microsoftonline.com/", CloudEndpoints.Global.AuthorityHost.AbsoluteUri);
        Assert.Throws<ArgumentException>(() => PinnedCertificate.Handler("abcd"));
    }

    private sealed class SyncProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
