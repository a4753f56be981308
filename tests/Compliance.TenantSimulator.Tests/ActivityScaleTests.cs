using System.Text.Json;
using Compliance.TenantSimulator.CommandLine;
using Compliance.TenantSimulator.Generation;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.TenantSimulator.Tests;

/// <summary>`simulate --scale … --activity-scale F`: F times the generated tenant's background sign-ins and message-trace rows.</summary>
public class ActivityScaleTests
{
    private static readonly DateTimeOffset Anchor = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Activity_scale_multiplies_the_background_rows_and_keeps_the_directory_planted_rows_and_ground_truth()
    {
        var plain = TenantFixture.Generate(TenantScale.Small, 1, Anchor);
        var tripled = TenantFixture.Generate(TenantScale.Small, 1, Anchor, 3);

        // small: 5,000 background sign-ins and 3,000 message-trace rows (docs/tenant-fixture.md "Generated tenants").
        Assert.Equal(plain.Activity.SignIns.Count() + 2 * 5_000, tripled.Activity.SignIns.Count());
        Assert.Equal(plain.Activity.Messages.Count() + 2 * 3_000, tripled.Activity.Messages.Count());
        Assert.Equal(plain.Activity.MailboxAudit.Select(a => a.Id), tripled.Activity.MailboxAudit.Select(a => a.Id));

        // Registered apps and approved senders only ever appear in planted rows: those stay row for row.
        var registered = plain.Register.Select(r => r.AppId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(
            plain.Activity.SignIns.Where(s => registered.Contains(s.AppId)).Select(s => (s.Id, s.CreatedDateTime)),
            tripled.Activity.SignIns.Where(s => registered.Contains(s.AppId)).Select(s => (s.Id, s.CreatedDateTime)));
        Assert.Equal(plain.ExpectedFindingsJson, tripled.ExpectedFindingsJson);
        Assert.Equal(plain.ServicePrincipals.Select(s => s.AppId), tripled.ServicePrincipals.Select(s => s.AppId));

        // Still one month, newest first: more rows per day, not more days.
        Assert.Equal(tripled.Activity.SignIns.Select(s => s.CreatedDateTime).OrderDescending(), tripled.Activity.SignIns.Select(s => s.CreatedDateTime));
        Assert.Equal(plain.Activity.SignIns.Min(s => s.CreatedDateTime), tripled.Activity.SignIns.Min(s => s.CreatedDateTime));
    }

    [Fact]
    public void Activity_scale_1_is_the_tenant_without_it_row_for_row()
    {
        var plain = TenantFixture.Generate(TenantScale.Small, 7, Anchor);
        var one = TenantFixture.Generate(TenantScale.Small, 7, Anchor, 1);

        Assert.Equal(plain.Activity.SignIns.Select(s => (s.Id, s.CreatedDateTime, s.AppId)), one.Activity.SignIns.Select(s => (s.Id, s.CreatedDateTime, s.AppId)));
        Assert.Equal(plain.Activity.Messages.Select(m => (m.Id, m.ReceivedDateTime, m.SenderAddress)), one.Activity.Messages.Select(m => (m.Id, m.ReceivedDateTime, m.SenderAddress)));
    }

    [Theory]
    [InlineData("--scale small --activity-scale 0", "--activity-scale 0 must be a number above 0")]
    [InlineData("--scale large --activity-scale -2", "--activity-scale -2 must be a number above 0")]
    [InlineData("--activity-scale 2", "it needs --scale small|large")]
    [InlineData("--activity-scale 1", "it needs --scale small|large")]
    [InlineData("--tenant t.json --activity-scale 2", "it needs --scale small|large")]
    [InlineData("--scale large --activity-scale 5000", "would make 5,000,000,000 background rows; at most 2,147,483,647")]
    public void A_factor_that_cannot_be_served_is_refused_with_the_reason(string arguments, string reason)
    {
        var parse = SimulateCommandLine.Create("simulate", TextWriter.Null, TimeProvider.System)
            .Parse(["--urls", "http://127.0.0.1:0", .. arguments.Split(' ')]);

        Assert.Contains(parse.Errors, e => e.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--scale small")]
    [InlineData("--scale large --seed 3")]
    [InlineData("--scale small --activity-scale 1")]
    [InlineData("--tenant t.json")]
    public void Without_a_factor_or_with_a_servable_one_the_command_line_is_accepted(string arguments)
    {
        var parse = SimulateCommandLine.Create("simulate", TextWriter.Null, TimeProvider.System)
            .Parse(["--urls", "http://127.0.0.1:0", .. arguments.Split(' ')]);

        Assert.Empty(parse.Errors);
    }

    [Fact]
    public async Task The_served_sign_in_log_has_the_scaled_rows_and_the_printed_counts_say_so()
    {
        var time = new FakeTimeProvider(Anchor);
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var port = PrintedSimulator.FreePort();
        var run = SimulateCommandLine.Create("simulate", output, time)
            .Parse(["--urls", $"http://127.0.0.1:{port}", "--scale", "small", "--activity-scale", "2.5", "--throttling", "off"])
            .InvokeAsync(cancellationToken: stop.Token);
        try
        {
            await PrintedSimulator.WaitUntilStartedAsync(output, run);
            var text = output.ToString();
            Assert.Contains("12,500 background sign-ins and 7,500 message-trace rows over 30 days (activity scale 2.5)", text, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await PrintedSimulator.SignInAsync(http, text);
            var served = 0;
            for (var url = "beta/auditLogs/signIns?$top=1000&$filter=" + Uri.EscapeDataString("signInEventTypes/any(t: t eq 'servicePrincipal')"); url is not null;)
            {
                using var page = JsonDocument.Parse(await http.GetStringAsync(url));
                served += page.RootElement.GetProperty("value").GetArrayLength();
                url = page.RootElement.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
            }

            // What the unscaled tenant serves (sign-in logs keep 30 days, m365-apis.md §1.2; planted rows reach 60 days
            // back, the background 30) plus 1.5 × its 5,000 background rows.
            var unscaled = TenantFixture.Generate(TenantScale.Small, 1, Anchor).Activity.SignIns.Count(s => s.CreatedDateTime >= Anchor.AddDays(-30));
            Assert.Equal(unscaled + 7_500, served);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await run);
        }
    }
}
