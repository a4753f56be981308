using System.Globalization;
using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

/// <summary>A workspace serves sign-ins only since its data start, and says where its rows begin (summarize min).</summary>
public class LogAnalyticsDataStartTests
{
    private const string Workspace = "v1/workspaces/5a1e0000-0000-4000-8000-00000000d3e0/query";

    /// <summary>The demo's "month+2d": 00:00 UTC on the third day of the anchor's month.</summary>
    private static readonly DateTimeOffset DataSince = new(2026, 11, 3, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Rows_older_than_the_data_start_are_not_served()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync("https://api.loganalytics.io/.default");
        var rows = await RowsAsync(tenant, token, "AADServicePrincipalSignInLogs | where AppId == '11111111-1111-4111-8111-000000000006' | project TimeGenerated", "P180D");
        // Adatum signs in daily since now-120d; the workspace holds 26 of those days (Nov 3 … Nov 28).
        Assert.Equal(26, rows.Count);
        Assert.All(rows, r => Assert.True(DateTimeOffset.Parse(r[0].GetString()!, CultureInfo.InvariantCulture) >= DataSince));
        // Northwind last signed in 100 days ago: before the data start, so the workspace has nothing of it.
        Assert.Empty(await RowsAsync(tenant, token, "AADServicePrincipalSignInLogs | where AppId == '11111111-1111-4111-8111-000000000003'", "P180D"));
    }

    [Fact]
    public async Task Summarize_min_answers_where_the_rows_begin_in_one_row()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync("https://api.loganalytics.io/.default");
        var (status, body) = await ActivityEndpointTests.PostAsync(tenant, Workspace, token, Body("AADServicePrincipalSignInLogs | summarize Earliest = min(TimeGenerated)", "P89D"));
        Assert.Equal(200, status);
        var table = body.GetProperty("tables")[0];
        Assert.Equal("PrimaryResult", table.Str("name"));
        var column = Assert.Single(table.GetProperty("columns").EnumerateArray());
        Assert.Equal(("Earliest", "datetime"), (column.Str("name"), column.Str("type")));
        var earliest = DateTimeOffset.Parse(Assert.Single(table.GetProperty("rows").EnumerateArray())[0].GetString()!, CultureInfo.InvariantCulture);
        // Payroll and Finance sign in every 6 hours, so the first row comes within 6 hours of the data start.
        Assert.InRange(earliest, DataSince, DataSince.AddHours(6));

        // A window that ends before the data start: still one row, with null (Kusto's summarize without "by").
        var before = $"{TestJson.Iso(DataSince.AddDays(-20))}/{TestJson.Iso(DataSince.AddDays(-1))}";
        var (_, empty) = await ActivityEndpointTests.PostAsync(tenant, Workspace, token, Body("AADServicePrincipalSignInLogs | summarize Earliest = min(TimeGenerated)", before));
        Assert.Equal(JsonValueKind.Null, Assert.Single(empty.GetProperty("tables")[0].GetProperty("rows").EnumerateArray())[0].ValueKind);
    }

    [Theory]
    [InlineData("AADServicePrincipalSignInLogs | summarize count()")]
    [InlineData("AADServicePrincipalSignInLogs | summarize Earliest = min(TimeGenerated) by AppId")]
    [InlineData("AADServicePrincipalSignInLogs | summarize Earliest = min(TimeGenerated) | project Earliest")]
    [InlineData("AADServicePrincipalSignInLogs | take 5 | summarize Earliest = min(TimeGenerated)")]
    public async Task Summarize_forms_the_simulator_does_not_implement_get_the_error_body(string kql)
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync("https://api.loganalytics.io/.default");
        var (status, body) = await ActivityEndpointTests.PostAsync(tenant, Workspace, token, Body(kql, "P30D"));
        Assert.Equal(400, status);
        Assert.Equal("BadArgumentError", body.GetProperty("error").Str("code"));
    }

    [Theory]
    [InlineData("month-3x")]
    [InlineData("yesterday")]
    public void A_bad_data_start_is_refused_with_the_field_named(string value)
    {
        var demo = FixtureText.DemoJson();
        demo["activity"]!["logAnalytics"]!["dataSince"] = value;
        var error = Assert.Throws<InvalidDataException>(() => FixtureText.Load(demo));
        Assert.Contains($"activity.logAnalytics.dataSince: '{value}'", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> RowsAsync(TestTenant tenant, string token, string kql, string timespan)
    {
        var (status, body) = await ActivityEndpointTests.PostAsync(tenant, Workspace, token, Body(kql, timespan));
        Assert.True(status == 200, body.ToString());
        return body.GetProperty("tables")[0].GetProperty("rows").EnumerateArray().ToList();
    }

    private static string Body(string kql, string timespan) => JsonSerializer.Serialize(new { query = kql, timespan });
}
