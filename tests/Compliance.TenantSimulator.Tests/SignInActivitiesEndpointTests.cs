using System.Globalization;

namespace Compliance.TenantSimulator.Tests;

/// <summary>GET /beta/reports/servicePrincipalSignInActivities: last successful sign-in per app, from every sign-in of the fixture.</summary>
public class SignInActivitiesEndpointTests
{
    private const string Path = "beta/reports/servicePrincipalSignInActivities";
    private const string Northwind = "11111111-1111-4111-8111-000000000003";

    [Fact]
    public async Task Lists_each_app_that_signed_in_with_its_last_app_only_sign_in_over_pages()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (rows, pages) = await TestJson.AllPagesAsync(tenant, Path + "?$top=3", token);
        // The demo's seven apps that sign in (auditor included); Proseware never signed in and is not listed.
        Assert.Equal(7, rows.Count);
        Assert.Equal(3, pages);
        Assert.DoesNotContain(rows, r => r.Str("appId") == "11111111-1111-4111-8111-000000000007");
        var northwind = Assert.Single(rows, r => r.Str("appId") == Northwind);
        var appOnly = DateTimeOffset.Parse(northwind.GetProperty("applicationAuthenticationClientSignInActivity").Str("lastSignInDateTime")!, CultureInfo.InvariantCulture);
        // Older than Graph's 30 days and than the workspace's data start: only this report remembers it.
        Assert.InRange(appOnly, TestTenant.Anchor.AddDays(-100), TestTenant.Anchor.AddDays(-99));
        Assert.Equal(appOnly, DateTimeOffset.Parse(northwind.GetProperty("lastSignInActivity").Str("lastSignInDateTime")!, CultureInfo.InvariantCulture));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, northwind.GetProperty("delegatedClientSignInActivity").ValueKind);
    }

    [Fact]
    public async Task AppId_filters_to_one_entry_with_the_last_successful_sign_in()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        // Payroll failed 12 times at now-2d; its successful certificate sign-ins (every 6 hours) go on until the anchor.
        var (rows, _) = await TestJson.AllPagesAsync(tenant, $"{Path}?$filter=appId eq '11111111-1111-4111-8111-000000000001'", token);
        var payroll = Assert.Single(rows);
        var last = DateTimeOffset.Parse(payroll.GetProperty("applicationAuthenticationClientSignInActivity").Str("lastSignInDateTime")!, CultureInfo.InvariantCulture);
        Assert.InRange(last, TestTenant.Anchor.AddHours(-7), TestTenant.Anchor);
    }

    [Fact]
    public async Task Failed_sign_ins_are_not_use()
    {
        // Proseware, which never signed in, now fails 3 times with an invalid secret yesterday: no token, no use.
        var demo = FixtureText.DemoJson();
        demo["activity"]!["signIns"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse(
            """{ "appId": "11111111-1111-4111-8111-000000000007", "at": "now-1d", "count": 3, "errorCode": 7000215 }"""));
        await using var tenant = await TestTenant.StartAsync(fixture: FixtureText.Load(demo));
        var (rows, _) = await TestJson.AllPagesAsync(tenant, $"{Path}?$filter=appId eq '11111111-1111-4111-8111-000000000007'", await tenant.TokenAsync());
        Assert.Empty(rows);
    }

    [Fact]
    public async Task A_denied_permission_answers_403_and_an_unknown_filter_400()
    {
        await using (var denied = await TestTenant.StartAsync(fixture: FixtureText.WithFailures("\"deniedPermissions\": [\"signInActivity\"]")))
        {
            var (status, body) = await denied.GetAsync(Path, await denied.TokenAsync());
            Assert.Equal(403, status);
            Assert.Equal("Authorization_RequestDenied", body.GetProperty("error").Str("code"));
        }

        await using var tenant = await TestTenant.StartAsync();
        var (bad, _) = await tenant.GetAsync($"{Path}?$filter=displayName eq 'x'", await tenant.TokenAsync());
        Assert.Equal(400, bad);
    }

    [Fact]
    public async Task Orders_by_the_last_sign_in_newest_first_across_pages()
    {
        // Proseware signs in once, the newest of all; Northwind's last sign-in is the oldest.
        var demo = FixtureText.DemoJson();
        demo["activity"]!["signIns"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse(
            """{ "appId": "11111111-1111-4111-8111-000000000007", "at": "now-10m" }"""));
        await using var tenant = await TestTenant.StartAsync(fixture: FixtureText.Load(demo));
        var (rows, pages) = await TestJson.AllPagesAsync(tenant, $"{Path}?$top=3&$orderby=lastSignInActivity/lastSignInDateTime desc", await tenant.TokenAsync());

        var dates = rows.Select(r => DateTimeOffset.Parse(r.GetProperty("lastSignInActivity").Str("lastSignInDateTime")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal((8, 3), (rows.Count, pages));
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal("11111111-1111-4111-8111-000000000007", rows[0].Str("appId"));
        Assert.Equal(Northwind, rows[^1].Str("appId"));
    }

    [Fact]
    public async Task A_tenant_planted_to_refuse_ordering_answers_400_and_still_lists_without_it()
    {
        await using var tenant = await TestTenant.StartAsync(fixture: FixtureText.WithFailures("\"signInActivityOrderByRefused\": true"));
        var token = await tenant.TokenAsync();

        var (status, body) = await tenant.GetAsync($"{Path}?$orderby=lastSignInActivity/lastSignInDateTime desc", token);
        Assert.Equal(400, status);
        Assert.Contains("$orderby", body.GetProperty("error").Str("message"), StringComparison.Ordinal);
        Assert.Equal(7, (await TestJson.AllPagesAsync(tenant, Path, token)).Rows.Count);
    }

    [Fact]
    public async Task Ordering_by_a_property_the_report_cannot_sort_by_is_refused()
    {
        await using var tenant = await TestTenant.StartAsync();
        var (status, _) = await tenant.GetAsync($"{Path}?$orderby=id desc", await tenant.TokenAsync());
        Assert.Equal(400, status);
    }
}
