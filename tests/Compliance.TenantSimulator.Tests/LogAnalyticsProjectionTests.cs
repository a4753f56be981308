using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

/// <summary>The project form collectors use for optional columns: X = column_ifexists("X", "").</summary>
public class LogAnalyticsProjectionTests
{
    [Fact]
    public async Task Column_ifexists_over_an_existing_column_returns_that_column()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync("https://api.loganalytics.io/.default");
        var query = "AADServicePrincipalSignInLogs | project Id, AppId, ClientCredentialType = column_ifexists(\"ClientCredentialType\", \"\") | take 50";
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/workspaces/any/query") { Content = JsonContent.Create(new { query, timespan = "P30D" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await tenant.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var body = JsonDocument.Parse(text);
        var table = body.RootElement.GetProperty("tables")[0];
        Assert.Equal(["Id", "AppId", "ClientCredentialType"], table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray());
        Assert.Contains(table.GetProperty("rows").EnumerateArray(), r => r[2].GetString() is "clientSecret" or "certificate" or "clientAssertion");
    }
}
