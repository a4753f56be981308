using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

/// <summary>Sign-ins, Log Analytics, message trace, audit search and sendMail, through real HTTP.</summary>
public class ActivityEndpointTests
{
    private const string Domain = "contoso-demo.example";
    private const string SpFilter = "signInEventTypes/any(t: t eq 'servicePrincipal')";


    internal static async Task<(int Status, JsonElement Body)> PostAsync(TestTenant tenant, string url, string token, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await tenant.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Beta_sign_ins_need_the_service_principal_filter_and_keep_30_days()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (interactive, _) = await TestJson.AllPagesAsync(tenant, "beta/auditLogs/signIns", token);
        Assert.Empty(interactive);

        var (rows, _) = await TestJson.AllPagesAsync(tenant, $"beta/auditLogs/signIns?$filter={SpFilter} and appId eq '11111111-1111-4111-8111-000000000002'&$top=100", token);
        Assert.True(rows.Count > 100);
        Assert.All(rows, r => Assert.True(DateTimeOffset.Parse(r.Str("createdDateTime")!, CultureInfo.InvariantCulture) >= TestTenant.Anchor.AddDays(-30)));
        Assert.Equal(14, rows.Count(r => r.GetProperty("status").GetProperty("errorCode").GetInt32() == 7000215));
        Assert.Single(rows, r => r.Str("ipAddress") == "192.0.2.77");
        Assert.All(rows, r => Assert.Equal("clientSecret", r.Str("clientCredentialType")));

        // Northwind last signed in 100 days ago: nothing within Entra's retention.
        var (northwind, _) = await TestJson.AllPagesAsync(tenant, $"beta/auditLogs/signIns?$filter={SpFilter} and appId eq '11111111-1111-4111-8111-000000000003'", token);
        Assert.Empty(northwind);

        var since = TestJson.Iso(TestTenant.Anchor.AddDays(-1));
        var (recent, _) = await TestJson.AllPagesAsync(tenant, $"beta/auditLogs/signIns?$filter={SpFilter} and createdDateTime ge {since}", token);
        Assert.NotEmpty(recent);
        Assert.All(recent, r => Assert.True(DateTimeOffset.Parse(r.Str("createdDateTime")!, CultureInfo.InvariantCulture) >= TestTenant.Anchor.AddDays(-1)));

        var (v1, error) = await tenant.GetAsync($"v1.0/auditLogs/signIns?$filter={SpFilter}", token);
        Assert.Equal(400, v1);
        Assert.Equal("Request_UnsupportedQuery", error.GetProperty("error").Str("code"));
        var (tooBig, _) = await tenant.GetAsync($"beta/auditLogs/signIns?$filter={SpFilter}&$top=1001", token);
        Assert.Equal(400, tooBig);
    }

    [Fact]
    public async Task Log_analytics_answers_tables_columns_rows_beyond_entra_retention()
    {
        // The demo's workspace begins in the current month; without a data start it serves every sign-in of the fixture.
        var demo = FixtureText.DemoJson();
        demo["activity"]!.AsObject().Remove("logAnalytics");
        await using var tenant = await TestTenant.StartAsync(fixture: FixtureText.Load(demo));
        var token = await tenant.TokenAsync("https://api.loganalytics.io/.default");
        var kql = "AADServicePrincipalSignInLogs | where TimeGenerated > ago(120d) | where AppId == '11111111-1111-4111-8111-000000000003' | project TimeGenerated, AppId, ResultType, ServicePrincipalCredentialKeyId | order by TimeGenerated desc";
        var (status, body) = await PostAsync(tenant, "v1/workspaces/a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1/query", token, JsonSerializer.Serialize(new { query = kql, timespan = "P180D" }));
        Assert.Equal(200, status);
        var table = body.GetProperty("tables")[0];
        Assert.Equal("PrimaryResult", table.Str("name"));
        Assert.Equal(["TimeGenerated", "AppId", "ResultType", "ServicePrincipalCredentialKeyId"], table.GetProperty("columns").EnumerateArray().Select(c => c.Str("name")!).ToArray());
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(21, rows.Count); // now-130d … now-120d… within ago(120d): days 100..120
        var latest = DateTimeOffset.Parse(rows[0][0].GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(latest, TestTenant.Anchor.AddDays(-100), TestTenant.Anchor.AddDays(-99));
        Assert.All(rows, r => Assert.Equal("0", r[2].GetString()));

        var (bad, error) = await PostAsync(tenant, "v1/workspaces/x/query", token, JsonSerializer.Serialize(new { query = "SigninLogs | summarize count()" }));
        Assert.Equal(400, bad);
        Assert.Equal("BadArgumentError", error.GetProperty("error").Str("code"));

        var graphToken = await tenant.TokenAsync();
        var (wrongAudience, _) = await PostAsync(tenant, "v1/workspaces/x/query", graphToken, JsonSerializer.Serialize(new { query = kql }));
        Assert.Equal(401, wrongAudience);
    }

    [Fact]
    public async Task Message_trace_enforces_the_window_rules_and_filters_on_sender()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        const string Path = "v1.0/admin/exchange/tracing/messageTraces";
        var from = TestJson.Iso(TestTenant.Anchor.AddDays(-10));
        var to = TestJson.Iso(TestTenant.Anchor);
        var (rows, pages) = await TestJson.AllPagesAsync(tenant, $"{Path}?$filter=receivedDateTime ge {from} and receivedDateTime le {to} and senderAddress eq 'reports-notification@{Domain}'&$top=20", token);
        Assert.True(pages > 1);
        Assert.All(rows, r => Assert.Equal($"reports-notification@{Domain}", r.Str("senderAddress")));
        Assert.Equal(60, rows.Count(r => r.Str("subject") == "Monthly management report (resend)"));

        var (noFilter, _) = await TestJson.AllPagesAsync(tenant, Path, token);
        Assert.All(noFilter, r => Assert.True(DateTimeOffset.Parse(r.Str("receivedDateTime")!, CultureInfo.InvariantCulture) >= TestTenant.Anchor.AddHours(-48)));

        var (tooWide, e1) = await tenant.GetAsync($"{Path}?$filter=receivedDateTime ge {TestJson.Iso(TestTenant.Anchor.AddDays(-11))} and receivedDateTime le {to}", token);
        Assert.Equal(400, tooWide);
        Assert.Contains("10 days", e1.GetProperty("error").Str("message"), StringComparison.Ordinal);
        var (tooOld, e2) = await tenant.GetAsync($"{Path}?$filter=receivedDateTime ge {TestJson.Iso(TestTenant.Anchor.AddDays(-95))} and receivedDateTime le {TestJson.Iso(TestTenant.Anchor.AddDays(-88))}", token);
        Assert.Equal(400, tooOld);
        Assert.Contains("90 days", e2.GetProperty("error").Str("message"), StringComparison.Ordinal);
        var (top, _) = await tenant.GetAsync($"{Path}?$top=5001", token);
        Assert.Equal(400, top);

        var failed = Assert.Single(rows.Take(0).Concat((await TestJson.AllPagesAsync(tenant, $"{Path}?$filter=senderAddress eq 'hr-notification@{Domain}' and status eq 'failed'&$top=1", token)).Rows.Take(1)));
        var (details, _) = await TestJson.AllPagesAsync(tenant, $"{Path}/{failed.Str("id")}/getDetailsByRecipient(recipientAddress='{failed.Str("recipientAddress")}')", token);
        Assert.Equal(["Receive", "Submit", "Fail"], details.Select(d => d.Str("event")!).ToArray());
    }

    [Fact]
    public async Task Message_trace_without_the_transport_data_platform_sp_answers_401()
    {
        await using var tenant = await TestTenant.StartAsync(fixture: FixtureText.WithFailures("\"messageTraceServicePrincipalMissing\": true"));
        var token = await tenant.TokenAsync();
        var (status, body) = await tenant.GetAsync("v1.0/admin/exchange/tracing/messageTraces", token);
        Assert.Equal(401, status);
        Assert.StartsWith("Service principal-less Authentication failed", body.GetProperty("error").Str("message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "v1.0")]
    [InlineData(true, "beta")]
    public async Task Audit_query_lifecycle_then_records(bool v1Absent, string version)
    {
        var fixture = v1Absent ? FixtureText.WithFailures("\"auditQueryV1Absent\": true") : TenantFixture.LoadDemo(TestTenant.Anchor);
        await using var tenant = await TestTenant.StartAsync(fixture: fixture);
        var token = await tenant.TokenAsync();
        var create = JsonSerializer.Serialize(new
        {
            displayName = "sends",
            filterStartDateTime = TestJson.Iso(TestTenant.Anchor.AddDays(-30)),
            filterEndDateTime = TestJson.Iso(TestTenant.Anchor),
            recordTypeFilters = new[] { "exchangeItem" },
            operationFilters = new[] { "Send", "SendAs", "SendOnBehalf" },
        });
        if (v1Absent)
        {
            var (missing, _) = await PostAsync(tenant, "v1.0/security/auditLog/queries", token, create);
            Assert.Equal(404, missing);
        }

        var (created, query) = await PostAsync(tenant, $"{version}/security/auditLog/queries", token, create);
        Assert.Equal(201, created);
        Assert.Equal("notStarted", query.Str("status"));
        var id = query.Str("id");
        var (early, notReady) = await tenant.GetAsync($"{version}/security/auditLog/queries/{id}/records", token);
        Assert.Equal(400, early);
        Assert.Equal("The query is not ready.", notReady.GetProperty("error").Str("message"));
        Assert.Equal("notStarted", (await tenant.GetAsync($"{version}/security/auditLog/queries/{id}", token)).Body.Str("status"));
        Assert.Equal("running", (await tenant.GetAsync($"{version}/security/auditLog/queries/{id}", token)).Body.Str("status"));
        Assert.Equal("succeeded", (await tenant.GetAsync($"{version}/security/auditLog/queries/{id}", token)).Body.Str("status"));

        var (records, _) = await TestJson.AllPagesAsync(tenant, $"{version}/security/auditLog/queries/{id}/records?$top=2", token);
        Assert.Equal(4, records.Count);
        var sendAs = Assert.Single(records, r => r.Str("operation") == "SendAs");
        Assert.Equal("11111111-1111-4111-8111-000000000004", sendAs.GetProperty("auditData").Str("AppId"));
        Assert.Equal($"payroll-notification@{Domain}", sendAs.Str("userPrincipalName"));
    }

    [Fact]
    public async Task SendMail_answers_202_and_captures_an_eml_in_the_outbox()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "sim-outbox-" + Guid.NewGuid().ToString("N"));
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { OutboxDirectory = outbox });
        try
        {
            var token = await tenant.TokenAsync();
            var mail = "{\"message\":{\"subject\":\"2 exceptions\",\"body\":{\"contentType\":\"HTML\",\"content\":\"<p>hi</p>\"},\"toRecipients\":[{\"emailAddress\":{\"address\":\"secops@contoso-demo.example\"}}],"
                + "\"attachments\":[{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"x.csv\",\"contentType\":\"text/csv\",\"contentBytes\":\"YSxiCg==\"}]},\"saveToSentItems\":false}";
            var (status, _) = await PostAsync(tenant, $"v1.0/users/compliance-alerts@{Domain}/sendMail", token, mail);
            Assert.Equal(202, status);
            var file = Assert.Single(Directory.GetFiles(outbox, "*.eml"));
            var eml = await File.ReadAllTextAsync(file);
            Assert.Contains($"From: compliance-alerts@{Domain}", eml, StringComparison.Ordinal);
            Assert.Contains("To: secops@contoso-demo.example", eml, StringComparison.Ordinal);
            Assert.Contains("filename=\"x.csv\"", eml, StringComparison.Ordinal);
            Assert.Single(tenant.Host.SentMail.Messages);

            var (noRecipient, error) = await PostAsync(tenant, $"v1.0/users/compliance-alerts@{Domain}/sendMail", token, "{\"message\":{\"subject\":\"x\"}}");
            Assert.Equal(400, noRecipient);
            Assert.Equal("ErrorInvalidRecipients", error.GetProperty("error").Str("code"));
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }
}
