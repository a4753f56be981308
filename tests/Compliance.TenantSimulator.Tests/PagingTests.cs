using System.Text;
using Compliance.TenantSimulator.Generation;

namespace Compliance.TenantSimulator.Tests;

/// <summary>
/// $skiptoken paging over the high-volume collections: every matching row exactly once and in the service's order,
/// whatever the page size and filter; a repeated nextLink gives the same page; an edited token is refused.
/// </summary>
public class PagingTests
{
    private const string SpFilter = "signInEventTypes/any(t: t eq 'servicePrincipal')";


    [Theory]
    [InlineData(97)]
    [InlineData(1000)]
    public async Task Sign_in_pages_return_every_filtered_row_once_in_newest_first_order(int top)
    {
        var fixture = TenantFixture.Generate(TenantScale.Small, 3, TestTenant.Anchor);
        await using var tenant = await TestTenant.StartAsync(fixture: fixture);
        var token = await tenant.TokenAsync();
        DateTimeOffset from = TestTenant.Anchor.AddDays(-20), to = TestTenant.Anchor.AddDays(-2);
        var expected = fixture.Activity.SignIns.Where(s => s.CreatedDateTime >= from && s.CreatedDateTime < to).Select(s => s.Id).ToList();

        var (rows, pages) = await TestJson.AllPagesAsync(
            tenant, $"beta/auditLogs/signIns?$filter={SpFilter} and createdDateTime ge {TestJson.Iso(from)} and createdDateTime lt {TestJson.Iso(to)}&$top={top}", token);

        Assert.True(expected.Count > 2000, $"only {expected.Count} sign-ins in the window");
        Assert.Equal(expected, rows.Select(r => r.Str("id")!).ToList());
        Assert.Equal((expected.Count + top - 1) / top, pages);
    }

    [Fact]
    public async Task Message_trace_pages_with_a_sender_filter_return_every_row_once()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        const string sender = "payroll-notification@contoso-demo.example";
        DateTimeOffset from = TestTenant.Anchor.AddDays(-10), to = TestTenant.Anchor;
        var expected = tenant.Fixture.Activity.Messages
            .Where(m => m.ReceivedDateTime >= from && m.ReceivedDateTime <= to && m.SenderAddress == sender).Select(m => m.Id).ToList();

        var (rows, pages) = await TestJson.AllPagesAsync(
            tenant, $"v1.0/admin/exchange/tracing/messageTraces?$filter=receivedDateTime ge {TestJson.Iso(from)} and receivedDateTime le {TestJson.Iso(to)} and senderAddress eq '{sender}'&$top=7", token);

        Assert.True(expected.Count > 20, $"only {expected.Count} messages");
        Assert.Equal(expected, rows.Select(r => r.Str("id")!).ToList());
        Assert.Equal((expected.Count + 6) / 7, pages);
    }

    [Fact]
    public async Task Repeating_a_next_link_answers_the_same_page_and_the_sequence_continues()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        // Without $select the page's rows are the cursor's own nodes, so a repeat must not reuse them.
        var (_, first) = await tenant.GetAsync("v1.0/servicePrincipals?$top=30", token);
        var next = first.GetProperty("@odata.nextLink").GetString()!;

        var (_, second) = await tenant.GetAsync(next, token);
        var (status, again) = await tenant.GetAsync(next, token); // a client retrying after a broken transfer
        Assert.Equal(200, status);
        Assert.Equal(Ids(second), Ids(again));
        Assert.Equal(second.GetProperty("@odata.nextLink").GetString(), again.GetProperty("@odata.nextLink").GetString());

        var (rest, _) = await TestJson.AllPagesAsync(tenant, second.GetProperty("@odata.nextLink").GetString()!, token);
        var all = Ids(first).Concat(Ids(second)).Concat(rest.Select(r => r.Str("id")!)).ToList();
        Assert.Equal(tenant.Fixture.ServicePrincipals.Select(p => p.ObjectId), all);
    }

    [Fact]
    public async Task A_token_whose_cursor_was_dropped_still_answers_its_page()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (_, first) = await tenant.GetAsync("v1.0/servicePrincipals?$top=50&$select=id", token);
        // More open reads than the simulator keeps cursors for: the first one's cursor is evicted.
        for (var i = 0; i < 300; i++)
        {
            await tenant.GetAsync("v1.0/servicePrincipals?$top=1&$select=id", token);
        }

        var (rest, _) = await TestJson.AllPagesAsync(tenant, first.GetProperty("@odata.nextLink").GetString()!, token);
        Assert.Equal(tenant.Fixture.ServicePrincipals.Select(p => p.ObjectId).Skip(50), rest.Select(r => r.Str("id")!));
    }

    [Fact]
    public async Task An_edited_or_invented_skiptoken_gets_graphs_400_error_body()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (_, first) = await tenant.GetAsync($"beta/auditLogs/signIns?$filter={SpFilter}&$top=10", token);
        var next = first.GetProperty("@odata.nextLink").GetString()!;
        var skip = next[(next.IndexOf("$skiptoken=", StringComparison.Ordinal) + "$skiptoken=".Length)..];
        var edited = next.Replace(skip, (skip[0] == 'A' ? 'B' : 'A') + skip[1..], StringComparison.Ordinal);
        var invented = next.Replace(skip, Convert.ToBase64String(Encoding.UTF8.GetBytes("sim-page:0000000000000000:0")).TrimEnd('='), StringComparison.Ordinal);

        foreach (var url in new[] { edited, invented, next.Replace(skip, "not-a-token", StringComparison.Ordinal) })
        {
            var (status, body) = await tenant.GetAsync(url, token);
            Assert.Equal(400, status);
            var error = body.GetProperty("error");
            Assert.Equal("Request_BadRequest", error.Str("code"));
            Assert.Equal("Invalid $skiptoken.", error.Str("message"));
            Assert.True(error.GetProperty("innerError").TryGetProperty("request-id", out _));
        }
    }

    private static List<string> Ids(System.Text.Json.JsonElement page) => page.GetProperty("value").EnumerateArray().Select(r => r.Str("id")!).ToList();
}
