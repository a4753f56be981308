using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

/// <summary>Users, mailboxSettings, groups, administrative units, delegated grants and filters, through real HTTP.</summary>
public class DirectoryEndpointTests
{
    private const string Domain = "contoso-demo.example";

    [Fact]
    public async Task Users_return_the_default_property_set_unless_accountEnabled_is_selected()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (status, body) = await tenant.GetAsync($"v1.0/users/finance-notification@{Domain}", token);
        Assert.Equal(200, status);
        Assert.False(body.TryGetProperty("accountEnabled", out _));
        Assert.EndsWith("v1.0/$metadata#users/$entity", body.Str("@odata.context"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("jobTitle").ValueKind);

        var (_, selected) = await tenant.GetAsync($"v1.0/users/finance-notification@{Domain}?$select=id,accountEnabled", token);
        Assert.True(selected.GetProperty("accountEnabled").GetBoolean());
        var (_, payroll) = await tenant.GetAsync($"v1.0/users/d0000000-0000-4000-8000-000000000001?$select=accountEnabled", token);
        Assert.False(payroll.GetProperty("accountEnabled").GetBoolean());
    }

    [Fact]
    public async Task Users_list_pages_and_filters_on_accountEnabled()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (all, pages) = await TestJson.AllPagesAsync(tenant, "v1.0/users?$top=5&$select=id,mail,accountEnabled", token);
        Assert.Equal(tenant.Fixture.Directory.Mailboxes.Count, all.Count);
        Assert.Equal((all.Count + 4) / 5, pages);
        Assert.Equal(all.Count, all.Select(u => u.Str("id")).Distinct().Count());

        var (enabled, _) = await TestJson.AllPagesAsync(tenant, "v1.0/users?$filter=accountEnabled eq true&$select=mail", token);
        Assert.Contains(enabled, u => u.Str("mail") == $"finance-notification@{Domain}");
        Assert.DoesNotContain(enabled, u => u.Str("mail") == $"payroll-notification@{Domain}");

        var (bad, error) = await tenant.GetAsync("v1.0/users?$top=1000", token);
        Assert.Equal(400, bad);
        Assert.Equal("Request_BadRequest", error.GetProperty("error").Str("code"));
    }

    [Fact]
    public async Task MailboxSettings_carries_userPurpose_and_the_property_path_form()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (status, settings) = await tenant.GetAsync($"v1.0/users/payroll-notification@{Domain}/mailboxSettings", token);
        Assert.Equal(200, status);
        Assert.Equal("shared", settings.Str("userPurpose"));
        Assert.Contains("/mailboxSettings", settings.Str("@odata.context"), StringComparison.Ordinal);
        Assert.True(settings.TryGetProperty("automaticRepliesSetting", out _));

        var (_, purpose) = await tenant.GetAsync($"v1.0/users/ceo@{Domain}/mailboxSettings/userPurpose", token);
        Assert.Equal("user", purpose.Str("value"));
        var (_, room) = await tenant.GetAsync($"v1.0/users/boardroom@{Domain}/mailboxSettings/userPurpose", token);
        Assert.Equal("room", room.Str("value"));

        var (missing, _) = await tenant.GetAsync($"v1.0/users/nobody@{Domain}/mailboxSettings", token);
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task Group_members_are_direct_only_with_nested_groups_typed_as_groups()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (groups, _) = await TestJson.AllPagesAsync(tenant, $"v1.0/groups?$filter=mail eq 'servicedesk-senders@{Domain}'&$select=id,mail", token);
        var group = Assert.Single(groups);
        var (members, _) = await TestJson.AllPagesAsync(tenant, $"v1.0/groups/{group.Str("id")}/members?$select=id,mail", token);
        Assert.Equal(2, members.Count);
        Assert.Contains(members, m => m.Str("@odata.type") == "#microsoft.graph.user" && m.Str("mail") == $"servicedesk-notification@{Domain}");
        Assert.Contains(members, m => m.Str("@odata.type") == "#microsoft.graph.group" && m.Str("mail") == $"it-oncall@{Domain}");
        Assert.DoesNotContain(members, m => m.Str("mail") == $"it-oncall-1@{Domain}");
    }

    [Fact]
    public async Task Administrative_unit_members_page()
    {
        await using var tenant = await TestTenant.StartAsync(maxPageSize: 1);
        var token = await tenant.TokenAsync();
        var (units, _) = await TestJson.AllPagesAsync(tenant, "v1.0/directory/administrativeUnits", token);
        var unit = Assert.Single(units);
        Assert.Equal("HR Department", unit.Str("displayName"));
        var (members, pages) = await TestJson.AllPagesAsync(tenant, $"v1.0/directory/administrativeUnits/{unit.Str("id")}/members", token);
        Assert.Equal(2, pages);
        Assert.Equal([$"hr-manager@{Domain}", $"hr-notification@{Domain}"], members.Select(m => m.Str("mail")!).Order().ToArray());
    }

    [Fact]
    public async Task Delegated_grants_filter_on_client_id()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var finance = tenant.Fixture.ServicePrincipalByAppId("11111111-1111-4111-8111-000000000002")!;
        var (grants, _) = await TestJson.AllPagesAsync(tenant, $"v1.0/oauth2PermissionGrants?$filter=clientId eq '{finance.ObjectId}'", token);
        var grant = Assert.Single(grants);
        Assert.Equal("AllPrincipals", grant.Str("consentType"));
        Assert.Equal(JsonValueKind.Null, grant.GetProperty("principalId").ValueKind);
        Assert.Equal(["Mail.Send", "User.Read"], grant.Str("scope")!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var payroll = tenant.Fixture.ServicePrincipalByAppId("11111111-1111-4111-8111-000000000001")!;
        var (none, _) = await TestJson.AllPagesAsync(tenant, $"v1.0/oauth2PermissionGrants?$filter=clientId eq '{payroll.ObjectId}'", token);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Service_principals_filter_on_appId_and_applications_on_createdDateTime_range()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (sps, _) = await TestJson.AllPagesAsync(tenant, "v1.0/servicePrincipals?$filter=appId eq '11111111-1111-4111-8111-000000000003'&$select=id,displayName", token);
        Assert.Equal("Northwind Ticketing", Assert.Single(sps).Str("displayName"));

        var from = TestTenant.Anchor.AddDays(-450).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var to = TestTenant.Anchor.AddDays(-350).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var (apps, _) = await TestJson.AllPagesAsync(tenant, $"v1.0/applications?$filter=createdDateTime ge {from} and createdDateTime le {to}&$select=appId,createdDateTime&$top=999", token);
        Assert.Contains(apps, a => a.Str("appId") == "11111111-1111-4111-8111-000000000003");
        Assert.DoesNotContain(apps, a => a.Str("appId") == "11111111-1111-4111-8111-000000000001");
        Assert.All(apps, a => Assert.InRange(DateTimeOffset.Parse(a.Str("createdDateTime")!, System.Globalization.CultureInfo.InvariantCulture), TestTenant.Anchor.AddDays(-450), TestTenant.Anchor.AddDays(-350)));

        var (orStatus, orBody) = await tenant.GetAsync("v1.0/servicePrincipals?$filter=appId eq 'a' or appId eq 'b'", token);
        Assert.Equal(400, orStatus);
        Assert.Equal("Request_UnsupportedQuery", orBody.GetProperty("error").Str("code"));
    }

    [Fact]
    public async Task App_role_assignments_of_one_principal_filter_on_resource()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var tailspin = tenant.Fixture.ServicePrincipalByAppId("11111111-1111-4111-8111-000000000004")!;
        var graph = tenant.Fixture.ServicePrincipalByAppId("00000003-0000-0000-c000-000000000000")!;
        var (grants, _) = await TestJson.AllPagesAsync(tenant, $"v1.0/servicePrincipals/{tailspin.ObjectId}/appRoleAssignments?$filter=resourceId eq '{graph.ObjectId}'", token);
        Assert.Equal(2, grants.Count);
        Assert.All(grants, g => Assert.Equal(tailspin.ObjectId, g.Str("principalId")));
    }

    [Fact]
    public async Task A_denied_permission_answers_403_authorization_request_denied()
    {
        var fixture = FixtureText.WithFailures("\"deniedPermissions\": [\"users\"]");
        await using var tenant = await TestTenant.StartAsync(fixture: fixture);
        var token = await tenant.TokenAsync();
        var (status, body) = await tenant.GetAsync("v1.0/users", token);
        Assert.Equal(403, status);
        Assert.Equal("Authorization_RequestDenied", body.GetProperty("error").Str("code"));
        Assert.Equal("Insufficient privileges to complete the operation.", body.GetProperty("error").Str("message"));
        var (groups, _) = await tenant.GetAsync("v1.0/groups", token);
        Assert.Equal(200, groups);
    }
}
