using Compliance.TenantSimulator.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.TenantSimulator.Tests;

/// <summary>429 + Retry-After at the documented limits, and each fault profile, as a client sees them.</summary>
public class ThrottlingAndFaultTests
{
    private const string SignIns = "beta/auditLogs/signIns?$filter=signInEventTypes/any(t: t eq 'servicePrincipal')&$top=1";

    [Fact]
    public async Task Sign_in_reports_allow_five_requests_per_ten_seconds_then_429_with_retry_after()
    {
        var clock = new FakeTimeProvider(TestTenant.Anchor);
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { Time = clock });
        var token = await tenant.TokenAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await tenant.GetAsync(SignIns, token)).Status);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, SignIns);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var throttled = await tenant.Http.SendAsync(request);
        Assert.Equal(429, (int)throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), throttled.Headers.RetryAfter?.Delta);
        Assert.Contains("TooManyRequests", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Other services keep their own budget.
        Assert.Equal(200, (await tenant.GetAsync("v1.0/applications?$top=1", token)).Status);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(200, (await tenant.GetAsync(SignIns, token)).Status);
    }

    [Fact]
    public async Task Time_scale_shrinks_the_message_trace_window_of_100_per_5_minutes()
    {
        var clock = new FakeTimeProvider(TestTenant.Anchor);
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { Time = clock, TimeScale = 0.1 });
        var token = await tenant.TokenAsync();
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(200, (await tenant.GetAsync("v1.0/admin/exchange/tracing/messageTraces?$top=1", token)).Status);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "v1.0/admin/exchange/tracing/messageTraces?$top=1");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var throttled = await tenant.Http.SendAsync(request);
        Assert.Equal(429, (int)throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), throttled.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Transient_profile_fails_some_requests_with_503_or_504_and_the_same_seed_fails_the_same_ones()
    {
        async Task<List<int>> RunAsync()
        {
            await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { Throttling = false, Faults = FaultProfile.Transient, FaultSeed = 42 });
            var token = await tenant.TokenAsync();
            var statuses = new List<int>();
            for (var i = 0; i < 30; i++)
            {
                statuses.Add((await tenant.GetAsync("v1.0/applications?$top=1", token)).Status);
            }

            return statuses;
        }

        var first = await RunAsync();
        Assert.Contains(first, s => s is 503 or 504);
        Assert.Contains(200, first);
        Assert.All(first, s => Assert.Contains(s, new[] { 200, 503, 504 }));
        Assert.Equal(first, await RunAsync());
    }

    [Fact]
    public async Task Transient_profile_never_fails_one_request_more_than_twice_in_a_row_so_a_retrying_client_always_gets_through()
    {
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { Throttling = false, Faults = FaultProfile.Transient, FaultSeed = 42 });
        var token = await tenant.TokenAsync();
        var statuses = new List<int>();
        for (var i = 0; i < 300; i++)
        {
            statuses.Add((await tenant.GetAsync("v1.0/applications?$top=1", token)).Status);
        }

        // One draw in five is a fault: 300 draws hold runs of three and more, which the bound breaks after two.
        var longest = statuses.Aggregate((Run: 0, Max: 0), (a, s) => s == 200 ? (0, a.Max) : (a.Run + 1, Math.Max(a.Max, a.Run + 1))).Max;
        Assert.Equal(2, longest);
        Assert.InRange(statuses.Count(s => s != 200), 30, 90);
    }

    [Fact]
    public async Task Malformed_page_profile_returns_200_with_cut_off_json()
    {
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { Throttling = false, Faults = FaultProfile.MalformedPage, FaultSeed = 42 });
        var token = await tenant.TokenAsync();
        var broken = 0;
        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "v1.0/applications?$top=5");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await tenant.Http.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            try
            {
                System.Text.Json.JsonDocument.Parse(text).Dispose();
            }
            catch (System.Text.Json.JsonException)
            {
                broken++;
            }
        }

        Assert.InRange(broken, 1, 19);
    }

    [Fact]
    public async Task Connection_reset_profile_breaks_some_responses_mid_body()
    {
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { Throttling = false, Faults = FaultProfile.ConnectionReset, FaultSeed = 42 });
        var token = await tenant.TokenAsync();
        var resets = 0;
        for (var i = 0; i < 20; i++)
        {
            try
            {
                await tenant.GetAsync("v1.0/applications?$top=5", token);
            }
            catch (HttpRequestException)
            {
                resets++;
            }
            catch (IOException)
            {
                resets++;
            }
        }

        Assert.InRange(resets, 1, 19);
    }

    [Fact]
    public async Task Token_expiry_profile_answers_401_until_a_new_token_is_fetched()
    {
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { Throttling = false, Faults = FaultProfile.TokenExpiry });
        var token = await tenant.TokenAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(200, (await tenant.GetAsync("v1.0/applications?$top=1", token)).Status);
        }

        var (expired, body) = await tenant.GetAsync("v1.0/applications?$top=1", token);
        Assert.Equal(401, expired);
        Assert.Equal("Lifetime validation failed, the token is expired.", body.GetProperty("error").Str("message"));
        Assert.Equal(401, (await tenant.GetAsync("v1.0/applications?$top=1", token)).Status);
        var fresh = await tenant.TokenAsync();
        Assert.Equal(200, (await tenant.GetAsync("v1.0/applications?$top=1", fresh)).Status);
    }

    [Fact]
    public async Task Audit_v1_absent_and_permission_missing_profiles()
    {
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { Throttling = false, Faults = FaultProfile.AuditV1Absent });
        var token = await tenant.TokenAsync();
        Assert.Equal(404, (await tenant.GetAsync("v1.0/security/auditLog/queries/x", token)).Status);
        Assert.Equal(404, (await tenant.GetAsync("beta/security/auditLog/queries/x", token)).Body.GetProperty("error").Str("code") == "NotFound" ? 404 : 0);

        await using var denied = await TestTenant.StartAsync(options: new SimulatorOptions { Throttling = false, Faults = FaultProfile.PermissionMissing });
        var deniedToken = await denied.TokenAsync();
        var (status, body) = await denied.GetAsync(SignIns, deniedToken);
        Assert.Equal(403, status);
        Assert.Equal("Authorization_RequestDenied", body.GetProperty("error").Str("code"));
        Assert.Equal(200, (await denied.GetAsync("v1.0/users?$top=1", deniedToken)).Status);
    }
}
