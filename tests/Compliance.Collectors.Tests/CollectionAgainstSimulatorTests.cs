using System.Security.Cryptography;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Tests;

public class CollectionAgainstSimulatorTests
{
    private const string Northwind = "11111111-1111-4111-8111-000000000003";
    private const string Tailspin = "11111111-1111-4111-8111-000000000004";

    [Fact]
    public async Task Collects_every_application_and_service_principal_exactly_once_across_pages()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, _) = await tenant.CollectAsync();

        Assert.All(evidence.Sources, s => Assert.Equal(SourceState.Collected, s.State));
        Assert.Equal(248, evidence.Applications.Count);
        Assert.Equal(248, evidence.Applications.Select(a => a.AppId).Distinct().Count());
        // 248 apps' SPs plus the two first-party resource SPs (Microsoft Graph, Exchange Online).
        Assert.Equal(250, evidence.ServicePrincipals.Count);
        Assert.Equal(250, evidence.ServicePrincipals.Select(s => s.ObjectId).Distinct().Count());
        var applications = evidence.Sources.Single(s => s.Name == EvidenceSources.Applications);
        Assert.Equal(248, applications.Records);
        Assert.Equal(14, applications.Requests); // ceil(248 / 20) listing pages + the "sync from now" deltaLink
    }

    [Fact]
    public async Task Every_api_request_carries_a_bearer_token()
    {
        await using var tenant = await RunningTenant.StartAsync();
        await tenant.CollectAsync();
        var apiRequests = tenant.Host.Requests.Entries.Where(e => !e.PathAndQuery.Contains("/oauth2/", StringComparison.Ordinal)).ToList();
        Assert.True(apiRequests.Count > 30);
        Assert.All(apiRequests, e => Assert.True(e.HadBearerToken, e.PathAndQuery));
        // A 429 can happen on a loaded machine (the pacer's margin on the test's scaled clock is milliseconds); it is
        // retried after Retry-After, so it is accepted here — every other answer must be a success.
        Assert.All(apiRequests, e => Assert.True(e.Status is 200 or 201 or 429, $"{e.Status} {e.PathAndQuery}"));
        Assert.All(apiRequests.Where(e => e.Status == 429), e => Assert.Contains(apiRequests, r => r.PathAndQuery == e.PathAndQuery && r.Status == 200));
    }

    [Fact]
    public async Task Grants_come_from_one_sweep_per_resource_service_principal_with_role_values_resolved()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, _) = await tenant.CollectAsync();

        var graphSp = tenant.Fixture.ServicePrincipalByAppId(WellKnownIds.MicrosoftGraphAppId)!.ObjectId;
        var exchangeSp = tenant.Fixture.ServicePrincipalByAppId(WellKnownIds.ExchangeOnlineAppId)!.ObjectId;
        var sweeps = tenant.Host.Requests.Entries.Where(e => e.PathAndQuery.Contains("appRoleAssignedTo", StringComparison.Ordinal)).ToList();
        var sweptResources = sweeps.Select(e => e.PathAndQuery.Split('/')[3]).Distinct().Order().ToArray();
        Assert.Equal(new[] { graphSp, exchangeSp }.Order().ToArray(), sweptResources);
        var graphGrants = tenant.Fixture.AppRoleAssignments.Count(a => a.ResourceId == graphSp);
        Assert.Equal((graphGrants + RunningTenant.PageSize - 1) / RunningTenant.PageSize + 1, sweeps.Count); // Graph pages + one Exchange page

        Assert.Equal(tenant.Fixture.AppRoleAssignments.Count, evidence.AppRoleGrants.Count);
        var northwindSp = evidence.ServicePrincipals.Single(s => s.AppId == Northwind).ObjectId;
        Assert.Equal(["Mail.ReadWrite", "Mail.Send"], evidence.AppRoleGrants.Where(g => g.PrincipalId == northwindSp).Select(g => g.AppRoleValue!).Order().ToArray());
        var manageAsApp = Assert.Single(evidence.AppRoleGrants, g => g.ResourceAppId == WellKnownIds.ExchangeOnlineAppId);
        Assert.Equal("Exchange.ManageAsApp", manageAsApp.AppRoleValue);
        Assert.Equal(exchangeSp, manageAsApp.ResourceId);
    }

    [Fact]
    public async Task Credentials_on_the_service_principal_are_collected_as_held_by_it()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, _) = await tenant.CollectAsync();
        var sp = evidence.ServicePrincipals.Single(s => s.AppId == Tailspin);
        var certificate = Assert.Single(sp.Credentials);
        Assert.Equal("c0000000-0000-4000-8000-000000000402", certificate.KeyId);
        Assert.Equal(CredentialType.Certificate, certificate.Type);
        Assert.Equal(CredentialHolder.ServicePrincipal, certificate.Holder);
        Assert.Equal(RunningTenant.Anchor.AddDays(5), certificate.EndDateTime);

        var app = evidence.Applications.Single(a => a.AppId == Tailspin);
        var secret = Assert.Single(app.Credentials);
        Assert.Equal((CredentialType.Secret, CredentialHolder.Application), (secret.Type, secret.Holder));
    }

    [Fact]
    public async Task Access_policies_are_collected_including_deny_access()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, _) = await tenant.CollectAsync();
        Assert.Equal(3, evidence.AccessPolicies.Count);
        var tailspin = Assert.Single(evidence.AccessPolicies, p => p.AppId == Tailspin);
        Assert.Equal(AccessRight.DenyAccess, tailspin.AccessRight);
        Assert.Equal("executives@contoso-demo.example", tailspin.ScopeIdentity);
        Assert.All(evidence.AccessPolicies.Where(p => p.AppId != Tailspin), p => Assert.Equal(AccessRight.RestrictAccess, p.AccessRight));
    }

    [Fact]
    public async Task Raw_pages_reach_the_sink_with_their_sha256_and_no_secret()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, sink) = await tenant.CollectAsync();
        var pages = sink.Pages.ToList();
        foreach (var source in evidence.Sources)
        {
            var own = pages.Where(p => p.Source == source.Name).OrderBy(p => p.Sequence).ToList();
            Assert.True(source.State == SourceState.NotCollected || own.Count > 0, source.Name);
            Assert.Equal(Enumerable.Range(1, own.Count), own.Select(p => p.Sequence));
            Assert.Equal(source.Pages, own.Count);
        }

        Assert.All(pages, p =>
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(p.Body.Span)), p.Sha256);
            Assert.True(p.StatusCode is 200 or 201, $"{p.StatusCode} {p.RequestUri}"); // 201: the audit query created
            Assert.StartsWith(tenant.Host.BaseUri.ToString(), p.RequestUri, StringComparison.Ordinal);
            Assert.DoesNotContain(tenant.Secret, p.RequestUri, StringComparison.Ordinal);
        });
        Assert.All(pages.Where(p => p.Source == EvidenceSources.AccessPolicies), p => Assert.Equal("POST", p.Method));
        Assert.Equal(14, pages.Count(p => p.Source == EvidenceSources.Applications)); // 13 listing pages + the deltaLink's
    }

    [Fact]
    public async Task Wrong_secret_leaves_every_source_not_collected_with_a_reason_that_hides_the_secret()
    {
        await using var tenant = await RunningTenant.StartAsync();
        const string wrong = "Q~definitely-not-the-secret-9f8e7d";
        var (evidence, sink) = await tenant.CollectAsync(tenant.Connection(secret: wrong));

        Assert.Equal(14, evidence.Sources.Count);
        Assert.All(evidence.Sources, s =>
        {
            Assert.Equal(SourceState.NotCollected, s.State);
            Assert.Contains("AADSTS7000215", s.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, s.Reason!, StringComparison.Ordinal);
            Assert.DoesNotContain(tenant.Secret, s.Reason!, StringComparison.Ordinal);
            Assert.Equal(0, s.Records);
        });
        Assert.Empty(evidence.Applications);
        Assert.Empty(sink.Pages);
    }

    [Fact]
    public async Task Pinned_handler_with_another_thumbprint_refuses_the_simulator()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var otherThumbprint = Convert.ToHexString(SHA256.HashData("some other certificate"u8));
        var (evidence, _) = await tenant.CollectAsync(tenant.Connection(thumbprint: otherThumbprint));

        Assert.All(evidence.Sources, s =>
        {
            Assert.Equal(SourceState.NotCollected, s.State);
            Assert.Contains("SSL", s.Reason, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain(tenant.Host.Requests.Entries, e => e.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal));
    }
}
