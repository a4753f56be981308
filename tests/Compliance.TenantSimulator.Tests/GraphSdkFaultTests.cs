using System.Text.Json;
using Compliance.TenantSimulator.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Compliance.TenantSimulator.Tests;

/// <summary>
/// Throttling and each fault profile as the real Graph SDK (default middleware) and Azure.Identity meet them: what the
/// SDK absorbs itself (429 and 503/504 with Retry-After) and what reaches the caller (the rest).
/// </summary>
public class GraphSdkFaultTests
{
    private const string ServicePrincipalSignIns = "signInEventTypes/any(t: t eq 'servicePrincipal')";

    private static SimulatorOptions Faults(FaultProfile profile) => new() { Throttling = false, Faults = profile, FaultSeed = 42 };

    [Fact]
    public async Task Throttled_sign_ins_and_message_trace_are_retried_by_the_sdk_after_retry_after()
    {
        // The real clock, 20 times faster: the 10-second sign-in window lasts 0.5 s, so the SDK's waits stay short.
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { Time = TimeProvider.System, TimeScale = 0.05 });
        var beta = GraphSdk.Client(tenant, GraphSdk.Secret(tenant), "beta");
        for (var i = 0; i < 8; i++)
        {
            var page = await beta.AuditLogs.SignIns.GetAsync(r => { r.QueryParameters.Filter = ServicePrincipalSignIns; r.QueryParameters.Top = 1; });
            Assert.Single(page!.Value!);
        }

        var signIns = tenant.Host.Requests.Entries.Where(e => e.PathAndQuery.StartsWith("/beta/auditLogs/signIns", StringComparison.Ordinal)).ToList();
        Assert.Contains(signIns, e => e.Status == 429);
        Assert.Equal(8, signIns.Count(e => e.Status == 200));
    }

    [Fact]
    public async Task Transient_503_and_504_are_retried_by_the_sdk_and_every_page_arrives()
    {
        await using var tenant = await TestTenant.StartAsync(options: Faults(FaultProfile.Transient));
        var graph = GraphSdk.Client(tenant, GraphSdk.Secret(tenant));
        var principals = await GraphSdk.AllAsync<ServicePrincipal, ServicePrincipalCollectionResponse>(graph,
            await graph.ServicePrincipals.GetAsync(r => { r.QueryParameters.Top = 25; r.QueryParameters.Select = ["id"]; }));

        Assert.Equal(tenant.Fixture.ServicePrincipals.Select(p => p.ObjectId), principals.Select(p => p.Id!));
        Assert.Contains(tenant.Host.Requests.Entries, e => e.Status is 503 or 504);
    }

    [Fact]
    public async Task Connection_reset_and_malformed_pages_reach_the_sdk_caller_as_errors()
    {
        async Task<int> FailuresAsync(FaultProfile profile, Func<Exception, bool> expected)
        {
            await using var tenant = await TestTenant.StartAsync(options: Faults(profile));
            var graph = GraphSdk.Client(tenant, GraphSdk.Secret(tenant));
            var failures = 0;
            for (var i = 0; i < 20; i++)
            {
                try
                {
                    Assert.Equal(5, (await graph.Applications.GetAsync(r => r.QueryParameters.Top = 5))!.Value!.Count);
                }
                catch (Exception e) when (expected(e))
                {
                    failures++;
                }
            }

            return failures;
        }

        Assert.InRange(await FailuresAsync(FaultProfile.ConnectionReset, e => e is HttpRequestException or IOException), 1, 19);
        // Kiota wraps the parser's JsonException in an ApiException ("The response could not be deserialized").
        Assert.InRange(await FailuresAsync(FaultProfile.MalformedPage, e => e is Microsoft.Kiota.Abstractions.ApiException { InnerException: JsonException }), 1, 19);
    }

    [Fact]
    public async Task Expired_token_gets_401_through_the_sdk_until_the_credential_fetches_a_new_one()
    {
        await using var tenant = await TestTenant.StartAsync(options: Faults(FaultProfile.TokenExpiry));
        var graph = GraphSdk.Client(tenant, GraphSdk.Secret(tenant));
        for (var i = 0; i < 4; i++)
        {
            await graph.Applications.GetAsync(r => r.QueryParameters.Top = 1);
        }

        // Azure.Identity keeps serving its cached token, which the tenant now refuses.
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Applications.GetAsync(r => r.QueryParameters.Top = 1));
        Assert.Equal(401, error.ResponseStatusCode);
        Assert.Equal("InvalidAuthenticationToken", error.Error!.Code);
        await Assert.ThrowsAsync<ODataError>(() => graph.Applications.GetAsync(r => r.QueryParameters.Top = 1));

        var renewed = GraphSdk.Client(tenant, GraphSdk.Secret(tenant));
        Assert.Single((await renewed.Applications.GetAsync(r => r.QueryParameters.Top = 1))!.Value!);
    }

    [Fact]
    public async Task Slow_answers_wait_on_the_simulator_clock()
    {
        var clock = new FakeTimeProvider(TestTenant.Anchor);
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { Throttling = false, Faults = FaultProfile.Slow, Time = clock });
        var credential = GraphSdk.Secret(tenant);
        await credential.GetTokenAsync(new Azure.Core.TokenRequestContext([GraphSdk.GraphScope]), CancellationToken.None); // the token endpoint is never slowed
        var pending = GraphSdk.Client(tenant, credential).Applications.GetAsync(r => r.QueryParameters.Top = 1);

        // Not a measurement: the answer must not come while the simulator's clock stands still, and comes once it moves.
        Assert.NotSame(pending, await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(500))));
        for (var step = 0; step < 20 && !pending.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(200)));
        }

        Assert.Single((await pending)!.Value!);
    }

    [Fact]
    public async Task Audit_search_absent_on_v1_is_a_404_while_beta_works_and_a_missing_permission_is_a_403()
    {
        await using var tenant = await TestTenant.StartAsync(options: Faults(FaultProfile.AuditV1Absent));
        var credential = GraphSdk.Secret(tenant);
        var body = new Microsoft.Graph.Models.Security.AuditLogQuery
        {
            DisplayName = "sdk", FilterStartDateTime = TestTenant.Anchor.AddDays(-1), FilterEndDateTime = TestTenant.Anchor,
        };
        var absent = await Assert.ThrowsAsync<ODataError>(() => GraphSdk.Client(tenant, credential).Security.AuditLog.Queries.PostAsync(body));
        Assert.Equal(404, absent.ResponseStatusCode);
        Assert.NotNull((await GraphSdk.Client(tenant, credential, "beta").Security.AuditLog.Queries.PostAsync(body))!.Id);

        await using var denied = await TestTenant.StartAsync(options: Faults(FaultProfile.PermissionMissing));
        var beta = GraphSdk.Client(denied, GraphSdk.Secret(denied), "beta");
        var refused = await Assert.ThrowsAsync<ODataError>(() => beta.AuditLogs.SignIns.GetAsync(r => r.QueryParameters.Filter = ServicePrincipalSignIns));
        Assert.Equal(403, refused.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", refused.Error!.Code);
        Assert.NotEmpty((await GraphSdk.Client(denied, GraphSdk.Secret(denied)).Users.GetAsync())!.Value!);
    }
}
