using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

public class InvokeCommandTests
{
    private static async Task<(int Status, JsonElement Body)> InvokeAsync(TestTenant tenant, string url, string cmdlet, string token, int? maxPageSize = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent("{\"CmdletInput\":{\"CmdletName\":\"" + cmdlet + "\",\"Parameters\":{}}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (maxPageSize is { } size)
        {
            request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={size}");
        }

        using var response = await tenant.Http.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, doc.RootElement.Clone());
    }

    [Fact]
    public async Task Unknown_cmdlet_gets_400_invalid_operation_with_details()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync("https://outlook.office365.com/.default");
        var (status, body) = await InvokeAsync(tenant, $"adminapi/beta/{tenant.Host.TenantId}/InvokeCommand", "Get-Nonsense", token);
        Assert.Equal(400, status);
        Assert.Equal("Invalid Operation", body.GetProperty("error").GetProperty("message").GetString());
        Assert.StartsWith("The term 'Get-Nonsense' is not recognized as a cmdlet", body.GetProperty("error").GetProperty("details")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_policies_page_by_prefer_maxpagesize_and_repost_to_next_link()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync("https://outlook.office365.com/.default");
        var rows = new List<JsonElement>();
        string? url = $"adminapi/beta/{tenant.Host.TenantId}/InvokeCommand";
        while (url is not null)
        {
            var (status, body) = await InvokeAsync(tenant, url, "Get-ApplicationAccessPolicy", token, maxPageSize: 2);
            Assert.Equal(200, status);
            Assert.Contains("$metadata#Collection(Exchange.GenericHashTable)", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
            rows.AddRange(body.GetProperty("value").EnumerateArray());
            url = body.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
        }

        Assert.Equal(3, rows.Count);
        var tailspin = Assert.Single(rows, r => r.GetProperty("AppId").GetString() == "11111111-1111-4111-8111-000000000004");
        Assert.Equal("DenyAccess", tailspin.GetProperty("AccessRight").GetString());
        Assert.StartsWith(tenant.Host.TenantId + "\\11111111-1111-4111-8111-000000000004:", tailspin.GetProperty("Identity").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_token_is_not_accepted_by_the_exchange_admin_api()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (status, _) = await InvokeAsync(tenant, $"adminapi/beta/{tenant.Host.TenantId}/InvokeCommand", "Get-ApplicationAccessPolicy", token);
        Assert.Equal(401, status);
    }
}
