using System.Net;
using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

public class TokenEndpointTests
{
    [Fact]
    public async Task Good_secret_gets_a_bearer_token()
    {
        await using var tenant = await TestTenant.StartAsync();
        using var response = await tenant.TokenResponseAsync(TestTenant.Secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", doc.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(3599, doc.RootElement.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task Wrong_secret_gets_401_invalid_client_without_echoing_the_secret()
    {
        await using var tenant = await TestTenant.StartAsync();
        using var response = await tenant.TokenResponseAsync("wrong-secret-value");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        Assert.Equal("invalid_client", doc.RootElement.GetProperty("error").GetString());
        Assert.StartsWith("AADSTS7000215: Invalid client secret provided", doc.RootElement.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal(7000215, doc.RootElement.GetProperty("error_codes")[0].GetInt32());
        Assert.True(doc.RootElement.TryGetProperty("trace_id", out _));
        Assert.True(doc.RootElement.TryGetProperty("correlation_id", out _));
        Assert.DoesNotContain("wrong-secret-value", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_client_id_is_refused_even_with_the_right_secret()
    {
        await using var tenant = await TestTenant.StartAsync();
        using var response = await tenant.TokenResponseAsync(TestTenant.Secret, clientId: "11111111-1111-4111-8111-000000000001");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Graph_token_is_refused_by_the_exchange_admin_api_and_vice_versa()
    {
        await using var tenant = await TestTenant.StartAsync();
        var exchangeToken = await tenant.TokenAsync("https://outlook.office365.com/.default");
        var (status, body) = await tenant.GetAsync("v1.0/applications", exchangeToken);
        Assert.Equal(401, status);
        Assert.Equal("InvalidAuthenticationToken", body.GetProperty("error").GetProperty("code").GetString());
    }
}
