namespace Compliance.TenantSimulator.Tests;

public class GraphEndpointTests
{
    [Fact]
    public async Task Missing_bearer_token_gets_401_access_token_is_empty()
    {
        await using var tenant = await TestTenant.StartAsync();
        var (status, body) = await tenant.GetAsync("v1.0/applications", token: null);
        Assert.Equal(401, status);
        var error = body.GetProperty("error");
        Assert.Equal("InvalidAuthenticationToken", error.GetProperty("code").GetString());
        Assert.Equal("Access token is empty.", error.GetProperty("message").GetString());
        Assert.True(error.GetProperty("innerError").TryGetProperty("request-id", out _));
        Assert.Contains(tenant.Host.Requests.Entries, e => e.PathAndQuery == "/v1.0/applications" && !e.HadBearerToken && e.Status == 401);
    }

    [Fact]
    public async Task Top_pages_through_every_application_exactly_once_with_absolute_next_links()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var ids = new List<string>();
        string? url = "v1.0/applications?$top=40&$select=id,appId";
        var pages = 0;
        while (url is not null)
        {
            var (status, body) = await tenant.GetAsync(url, token);
            Assert.Equal(200, status);
            pages++;
            var value = body.GetProperty("value");
            Assert.True(value.GetArrayLength() <= 40);
            ids.AddRange(value.EnumerateArray().Select(a => a.GetProperty("appId").GetString()!));
            url = body.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
            if (url is not null)
            {
                Assert.StartsWith(tenant.Host.BaseUri.ToString() + "v1.0/applications?", url, StringComparison.Ordinal);
                Assert.Contains("$skiptoken=", url, StringComparison.Ordinal);
            }
        }

        Assert.Equal(248, ids.Count);
        Assert.Equal(248, ids.Distinct().Count());
        Assert.Equal(7, pages); // ceil(248 / 40)
    }

    [Fact]
    public async Task MaxPageSize_caps_the_requested_top()
    {
        await using var tenant = await TestTenant.StartAsync(maxPageSize: 25);
        var token = await tenant.TokenAsync();
        var (_, body) = await tenant.GetAsync("v1.0/servicePrincipals?$top=999", token);
        Assert.Equal(25, body.GetProperty("value").GetArrayLength());
        Assert.True(body.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Select_returns_only_the_selected_fields()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (_, body) = await tenant.GetAsync("v1.0/applications?$select=id,displayName&$top=3", token);
        foreach (var app in body.GetProperty("value").EnumerateArray())
        {
            Assert.Equal(["id", "displayName"], app.EnumerateObject().Select(p => p.Name).ToArray());
        }

        var (full, unselected) = await tenant.GetAsync("v1.0/applications?$top=1", token);
        Assert.Equal(200, full);
        var first = unselected.GetProperty("value")[0];
        Assert.True(first.TryGetProperty("passwordCredentials", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("passwordCredentials")[0].GetProperty("secretText").ValueKind);
    }

    [Fact]
    public async Task Filter_is_refused_with_a_graph_error_not_answered_unfiltered()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (status, body) = await tenant.GetAsync("v1.0/servicePrincipals?$filter=startswith(displayName,'Contoso')", token);
        Assert.Equal(400, status);
        Assert.Equal("Request_UnsupportedQuery", body.GetProperty("error").GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("value", out _));

        var (expandStatus, expandBody) = await tenant.GetAsync("v1.0/applications?$expand=owners", token);
        Assert.Equal(400, expandStatus);
        Assert.Equal("BadRequest", expandBody.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Service_principal_by_app_id_and_404_for_an_unknown_one()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (status, sp) = await tenant.GetAsync("v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=id,appId,appRoles", token);
        Assert.Equal(200, status);
        Assert.Equal(716, sp.GetProperty("appRoles").GetArrayLength());
        Assert.Contains(sp.GetProperty("appRoles").EnumerateArray(), r => r.GetProperty("value").GetString() == "Mail.Send" && r.GetProperty("id").GetString() == "b633e1c5-b582-4048-a93e-9f11b44c7e96");
        Assert.False(sp.TryGetProperty("displayName", out _));

        var (missing, error) = await tenant.GetAsync("v1.0/servicePrincipals(appId='99999999-0000-0000-0000-000000000000')", token);
        Assert.Equal(404, missing);
        Assert.Equal("Request_ResourceNotFound", error.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AppRoleAssignedTo_lists_every_grant_on_the_resource()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var graphSp = tenant.Fixture.ServicePrincipalByAppId("00000003-0000-0000-c000-000000000000")!;
        var (status, body) = await tenant.GetAsync($"v1.0/servicePrincipals/{graphSp.ObjectId}/appRoleAssignedTo?$top=999", token);
        Assert.Equal(200, status);
        var grants = body.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(tenant.Fixture.AppRoleAssignments.Count(a => a.ResourceId == graphSp.ObjectId), grants.Count);
        Assert.All(grants, g => Assert.Equal(graphSp.ObjectId, g.GetProperty("resourceId").GetString()));
        var northwindSp = tenant.Fixture.ServicePrincipalByAppId("11111111-1111-4111-8111-000000000003")!;
        Assert.Equal(
            ["b633e1c5-b582-4048-a93e-9f11b44c7e96", "e2a3a72e-5f79-4c64-b1b1-878b674786c9"],
            grants.Where(g => g.GetProperty("principalId").GetString() == northwindSp.ObjectId).Select(g => g.GetProperty("appRoleId").GetString()!).Order().ToArray());
    }
}
