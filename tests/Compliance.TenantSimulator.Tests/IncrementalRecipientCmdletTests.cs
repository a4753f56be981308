using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.TenantSimulator.Tests;

/// <summary>
/// The cmdlets an incremental mailbox read uses, over InvokeCommand: after a fixture change in the same process a
/// filter on WhenChangedUTC finds exactly the new and changed mailboxes (Get-Mailbox) and the converted one
/// (Get-User, RecipientType MailUser), and Get-Mailbox -SoftDeletedMailbox lists the deleted one with WhenSoftDeleted.
/// </summary>
public class IncrementalRecipientCmdletTests
{
    [Fact]
    public async Task A_filter_on_WhenChangedUTC_finds_only_what_changed_and_a_deleted_mailbox_is_listed_soft_deleted()
    {
        var demo = FixtureText.DemoJson();
        // A tenant of its own: the change log is per tenant and process, and other tests play the demo tenant.
        demo["tenant"]!["id"] = Guid.NewGuid().ToString();
        var since = Literal(TestTenant.Anchor.AddHours(12));
        await using (var before = await TestTenant.StartAsync(fixture: FixtureText.Load(demo)))
        {
            var all = await RunAsync(before, "Get-Mailbox", new JsonObject { ["ResultSize"] = "Unlimited" });
            Assert.Equal(before.Fixture.Directory.Mailboxes.Count, all.Count);
            Assert.All(all, r => Assert.True(DateTimeOffset.Parse(r.Str("WhenChangedUTC")!, CultureInfo.InvariantCulture) <= TestTenant.Anchor));
            Assert.Empty(await RunAsync(before, "Get-Mailbox", new JsonObject { ["Filter"] = $"WhenChangedUTC -ge '{since}'" }));
        }

        MailboxChanges.Apply(demo);
        var later = new SimulatorOptions { Throttling = false, Time = new FakeTimeProvider(TestTenant.Anchor.AddDays(1)) };
        await using var after = await TestTenant.StartAsync(fixture: FixtureText.Load(demo), options: later);

        var changed = await RunAsync(after, "Get-Mailbox", new JsonObject { ["Filter"] = $"WhenChangedUTC -ge '{since}'", ["ResultSize"] = "Unlimited" });
        var users = await RunAsync(after, "Get-User", new JsonObject { ["Filter"] = $"WhenChangedUTC -ge '{since}'" });
        var deleted = await RunAsync(after, "Get-Mailbox", new JsonObject { ["SoftDeletedMailbox"] = true, ["Filter"] = $"WhenSoftDeleted -ge '{since}'" });

        Assert.Equal([MailboxChanges.Night, MailboxChanges.Payroll], changed.Select(r => r.Str("PrimarySmtpAddress")!).Order(StringComparer.Ordinal));
        Assert.Equal([$"{MailboxChanges.Alerts}:MailUser", $"{MailboxChanges.Night}:UserMailbox", $"{MailboxChanges.Payroll}:UserMailbox"],
            users.Select(r => $"{r.Str("UserPrincipalName")}:{r.Str("RecipientType")}").Order(StringComparer.Ordinal));
        var gone = Assert.Single(deleted);
        Assert.Equal((MailboxChanges.Boardroom, "2026-11-30T08:00:00Z"), (gone.Str("PrimarySmtpAddress"), gone.Str("WhenSoftDeleted")));
        Assert.DoesNotContain(await RunAsync(after, "Get-Mailbox", new JsonObject { ["ResultSize"] = "Unlimited" }), r => r.Str("PrimarySmtpAddress") is MailboxChanges.Boardroom or MailboxChanges.Alerts);
    }

    [Fact]
    public async Task A_date_compared_with_a_text_operator_or_an_unreadable_date_is_refused()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync("https://outlook.office365.com/.default");

        var (like, likeBody) = await InvokeAsync(tenant, token, "Get-Mailbox", new JsonObject { ["Filter"] = "WhenChangedUTC -like '2026*'" });
        var (garbled, _) = await InvokeAsync(tenant, token, "Get-User", new JsonObject { ["Filter"] = "WhenChangedUTC -ge 'yesterday'" });

        Assert.Equal((400, 400), (like, garbled));
        Assert.Contains("does not apply to dates", likeBody.GetProperty("error").GetProperty("details")[0].Str("message"), StringComparison.Ordinal);
    }

    /// <summary>A date as Exchange's filter examples write it (learn: exchange filter-properties, WhenChangedUTC).</summary>
    private static string Literal(DateTimeOffset at) => at.UtcDateTime.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture);

    private static async Task<List<JsonElement>> RunAsync(TestTenant tenant, string cmdlet, JsonObject parameters)
    {
        var (status, body) = await InvokeAsync(tenant, await tenant.TokenAsync("https://outlook.office365.com/.default"), cmdlet, parameters);
        Assert.True(status == 200, $"{cmdlet} answered {status}: {body}");
        return body.GetProperty("value").EnumerateArray().ToList();
    }

    private static async Task<(int Status, JsonElement Body)> InvokeAsync(TestTenant tenant, string token, string cmdlet, JsonObject parameters)
    {
        var input = new JsonObject { ["CmdletInput"] = new JsonObject { ["CmdletName"] = cmdlet, ["Parameters"] = parameters } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"adminapi/beta/{tenant.Host.TenantId}/InvokeCommand")
        {
            Content = new StringContent(input.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await tenant.Http.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, document.RootElement.Clone());
    }
}
