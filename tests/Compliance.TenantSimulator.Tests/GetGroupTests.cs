using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

/// <summary>Get-Group through InvokeCommand: the group DNs that MemberOfGroup filters name and Graph v1.0 does not carry.</summary>
public class GetGroupTests
{
    private static async Task<(int Status, JsonElement Body)> PostAsync(TestTenant tenant, string url, string parameters, int? maxPageSize = null)
    {
        var token = await tenant.TokenAsync("https://outlook.office365.com/.default");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent("{\"CmdletInput\":{\"CmdletName\":\"Get-Group\",\"Parameters\":" + parameters + "}}", Encoding.UTF8, "application/json"),
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
    public async Task Get_group_pages_with_select_and_carries_each_groups_distinguished_name()
    {
        await using var tenant = await TestTenant.StartAsync();
        var rows = new List<JsonElement>();
        string? url = $"adminapi/beta/{tenant.Host.TenantId}/InvokeCommand?$select=Identity,DistinguishedName,ExternalDirectoryObjectId,WindowsEmailAddress";
        var pages = 0;
        while (url is not null)
        {
            var (status, body) = await PostAsync(tenant, url, "{\"ResultSize\":\"Unlimited\"}", maxPageSize: 2);
            Assert.Equal(200, status);
            pages++;
            rows.AddRange(body.GetProperty("value").EnumerateArray());
            url = body.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
        }

        var groups = tenant.Fixture.Directory.Groups;
        Assert.Equal((groups.Count + 1) / 2, pages);
        Assert.Equal(groups.Select(g => (g.Id, g.DistinguishedName, g.Mail)).Order(),
            rows.Select(r => (r.Str("ExternalDirectoryObjectId")!, r.Str("DistinguishedName")!, r.Str("WindowsEmailAddress")!)).Order());
        // $select keeps only the properties asked for, as for the other cmdlets.
        Assert.All(rows, r => Assert.Equal(4, r.EnumerateObject().Count()));
        Assert.Contains(rows, r => r.Str("DistinguishedName") == "CN=servicedesk-senders,OU=contoso-demo.example,OU=Microsoft Exchange Hosted Organizations,DC=EURPR01A001,DC=PROD,DC=OUTLOOK,DC=COM");
    }

    [Fact]
    public async Task Get_group_by_identity_answers_one_group_or_the_proxy_not_found_error()
    {
        await using var tenant = await TestTenant.StartAsync();
        var url = $"adminapi/beta/{tenant.Host.TenantId}/InvokeCommand";

        var (status, body) = await PostAsync(tenant, url, "{\"Identity\":\"servicedesk-senders@contoso-demo.example\"}");
        Assert.Equal(200, status);
        var row = Assert.Single(body.GetProperty("value").EnumerateArray());
        Assert.Equal(("servicedesk-senders", "MailUniversalSecurityGroup"), (row.Str("Name"), row.Str("RecipientTypeDetails")));

        (status, body) = await PostAsync(tenant, url, "{\"Identity\":\"no-such-group\"}");
        Assert.Equal(400, status);
        Assert.Equal("Invalid Operation", body.GetProperty("error").GetProperty("message").GetString());
        Assert.Contains("object 'no-such-group' couldn't be found", body.GetProperty("error").GetProperty("details")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        (status, body) = await PostAsync(tenant, url, "{\"Filter\":\"Name -eq 'x'\"}");
        Assert.Equal(400, status);
        Assert.Contains("'Filter'", body.GetProperty("error").GetProperty("details")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
