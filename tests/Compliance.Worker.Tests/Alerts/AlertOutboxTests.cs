using Compliance.Storage;
using Compliance.Worker.Alerts;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;

namespace Compliance.Worker.Tests.Alerts;

/// <summary>
/// The daily job's collect → evaluate → publish → record alert → deliver, against the simulator's real sendMail
/// endpoint (every accepted mail lands in its outbox), with the clock faked.
/// </summary>
public class AlertOutboxTests
{
    private static async Task<(ComplianceSettings Settings, SqliteDatabase Database)> SetUpAsync(TestWorkspace workspace)
    {
        await File.WriteAllTextAsync(workspace.ConfigPath, workspace.Settings.ToJsonString());
        var settings = SettingsLoader.Load(workspace.ConfigPath);
        return (settings, await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, CancellationToken.None));
    }

    /// <summary>What DailyCollectAndAlertJob does, with the option to "crash" after recording and before sending.</summary>
    private static async Task<IReadOnlyList<string>> DailyAsync(ComplianceSettings settings, SqliteDatabase database, TimeProvider time, bool crashBeforeSending = false)
    {
        var log = new RunLog(TextWriter.Null, time);
        var request = new ReviewRequest("demo", true, null, null);
        await using var session = (DemoTenantSession)await ReviewPipeline.OpenSessionAsync(request, settings, time, CancellationToken.None);
        var outcome = await new ReviewPipeline(settings, time, log).RunAsync(session, request, CancellationToken.None);
        var alerts = new AlertService(settings, database, time, log);
        await alerts.EnqueueDailyAsync("demo", outcome.Run.Id, CancellationToken.None);
        if (!crashBeforeSending)
        {
            await alerts.DeliverAsync("demo", session.Connection, CancellationToken.None);
        }

        return session.SentMail;
    }

    [Fact]
    public async Task Daily_job_mails_the_new_critical_findings_once_and_nothing_on_the_next_run()
    {
        using var workspace = new TestWorkspace();
        var (settings, database) = await SetUpAsync(workspace);
        var time = new ShiftedClock();

        var first = await DailyAsync(settings, database, time);
        var mail = Assert.Single(first);
        Assert.Contains("From: compliance-alerts@contoso-demo.example", mail, StringComparison.Ordinal);
        Assert.Contains("To: secops@contoso-demo.example", mail, StringComparison.Ordinal);
        Assert.Contains("filename=\"alert.txt\"", mail, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/pdf", mail, StringComparison.Ordinal);
        var html = DecodedHtml(mail);
        Assert.Contains("SCOPE-002", html, StringComparison.Ordinal);
        Assert.Contains("Critical", html, StringComparison.Ordinal);
        var period = time.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Single(Directory.GetFiles(Path.Combine(workspace.ReportsRoot, "demo", period, "outbox"), "*.eml"));

        time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await DailyAsync(settings, database, time));
        var outbox = await new OutboxRepository(database).AllAsync(CancellationToken.None);
        Assert.Equal("sent", Assert.Single(outbox).Status);
    }

    [Fact]
    public async Task A_crash_between_recorded_and_sent_results_in_exactly_one_mail_after_restart()
    {
        using var workspace = new TestWorkspace();
        var (settings, database) = await SetUpAsync(workspace);
        var time = new ShiftedClock();

        Assert.Empty(await DailyAsync(settings, database, time, crashBeforeSending: true));
        Assert.Equal("pending", Assert.Single(await new OutboxRepository(database).AllAsync(CancellationToken.None)).Status);

        // Restart: a fresh process state over the same database.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var reopened = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(1));
        var mail = Assert.Single(await DailyAsync(settings, reopened, time));
        Assert.Contains("SCOPE-002", DecodedHtml(mail), StringComparison.Ordinal);
        Assert.Equal("sent", Assert.Single(await new OutboxRepository(reopened).AllAsync(CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Dry_run_prints_what_would_go_and_records_nothing()
    {
        using var workspace = new TestWorkspace();
        Assert.Equal(0, (await workspace.RunAsync("review", "--demo")).ExitCode);
        var (exit, output, _) = await workspace.RunAsync("alerts", "send", "--dry-run", "--demo");
        Assert.Equal(0, exit);
        Assert.Contains("Outbox: 0 pending", output, StringComparison.Ordinal);
        Assert.Contains("new high/critical finding(s)", output, StringComparison.Ordinal);
        Assert.Contains("SCOPE-002", output, StringComparison.Ordinal);
        var (_, database) = await SetUpAsync(workspace);
        Assert.Empty(await new OutboxRepository(database).AllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Waiver_about_to_expire_is_announced_in_the_alert()
    {
        using var workspace = new TestWorkspace();
        var until = DateTimeOffset.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var add = await workspace.RunAsync("exceptions", "add", "--rule", "SCOPE-004", "--resource", "11111111-1111-4111-8111-000000000001",
            "--reason", "migration booked", "--approver", "ciso@contoso-demo.example", "--until", until);
        Assert.Equal(0, add.ExitCode);
        Assert.Equal(0, (await workspace.RunAsync("review", "--demo")).ExitCode);
        var (exit, output, _) = await workspace.RunAsync("alerts", "send", "--dry-run", "--demo");
        Assert.Equal(0, exit);
        Assert.Contains("1 waiver(s) expiring", output, StringComparison.Ordinal);
        Assert.Contains($"SCOPE-004 on 11111111-1111-4111-8111-000000000001 until {until}", output, StringComparison.Ordinal);
    }

    private static string DecodedHtml(string eml)
    {
        var start = eml.IndexOf("Content-Type: text/html", StringComparison.Ordinal);
        var body = eml[(eml.IndexOf("\r\n\r\n", start, StringComparison.Ordinal) + 4)..];
        var base64 = string.Concat(body[..body.IndexOf("--", StringComparison.Ordinal)].Split("\r\n"));
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
    }
}
