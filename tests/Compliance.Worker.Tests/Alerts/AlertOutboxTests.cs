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

    /// <summary>
    /// What DailyCollectAndAlertJob does, with the option to "crash" after recording and before sending, or — through
    /// <paramref name="crashAfterAccepted"/> — the moment Graph has answered 202, before the outbox row is marked sent.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DailyAsync(
        ComplianceSettings settings, SqliteDatabase database, TimeProvider time, bool crashBeforeSending = false, CrashAfterAccepted? crashAfterAccepted = null)
    {
        var log = new RunLog(TextWriter.Null, time);
        var request = new ReviewRequest("demo", true, null, null);
        await using var session = (DemoTenantSession)await ReviewPipeline.OpenSessionAsync(request, settings, time, CancellationToken.None);
        var outcome = await new ReviewPipeline(settings, time, log).RunAsync(session, request, CancellationToken.None);
        var alerts = new AlertService(settings, database, time, log);
        await alerts.EnqueueDailyAsync("demo", outcome.Run.Id, CancellationToken.None);
        if (!crashBeforeSending)
        {
            var connection = crashAfterAccepted is null ? session.Connection : crashAfterAccepted.Wrap(session.Connection);
            await alerts.DeliverAsync("demo", connection, crashAfterAccepted?.Process ?? CancellationToken.None);
        }

        return session.SentMail;
    }

    [Fact]
    public async Task Daily_job_mails_the_new_critical_findings_once_and_nothing_on_the_next_run()
    {
        using var workspace = new TestWorkspace();
        var (settings, database) = await SetUpAsync(workspace);
        var time = new ShiftedClock();

        var mail = SentMessage.Parse(Assert.Single(await DailyAsync(settings, database, time)));
        var period = time.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var row = Assert.Single(await new OutboxRepository(database).AllAsync(CancellationToken.None));
        Assert.Equal("compliance-alerts@contoso-demo.example", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal(["secops@contoso-demo.example"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(row.Subject, mail.Subject);
        Assert.StartsWith("[Compliance] demo: ", mail.Subject, StringComparison.Ordinal);
        Assert.Equal($"{row.Id}@contoso-demo.example", mail.MessageId);

        // One plain-text and one HTML rendering of the same alert, and the run's PDF as the attachment.
        var text = Assert.Single(mail.BodyParts.OfType<MimeKit.TextPart>(), p => !p.IsAttachment && p.IsPlain);
        var html = Assert.Single(mail.BodyParts.OfType<MimeKit.TextPart>(), p => !p.IsAttachment && p.IsHtml);
        Assert.Contains("SCOPE-002", text.Text, StringComparison.Ordinal);
        Assert.Contains("SCOPE-002", html.Text, StringComparison.Ordinal);
        Assert.Contains("Critical", html.Text, StringComparison.Ordinal);
        var pdfPath = Path.Combine(workspace.ReportsRoot, "demo", period, $"compliance-review-demo-{period}.pdf");
        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        Assert.Equal(Path.GetFileName(pdfPath), attachment.FileName);
        Assert.Equal(await File.ReadAllBytesAsync(pdfPath), SentMessage.Content(attachment));
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
        var mail = SentMessage.Parse(Assert.Single(await DailyAsync(settings, reopened, time)));
        Assert.Contains("SCOPE-002", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("sent", Assert.Single(await new OutboxRepository(reopened).AllAsync(CancellationToken.None)).Status);
    }

    /// <summary>
    /// The residual window: Graph accepted the mail, the process died before "sent" was written. sendMail has no
    /// idempotency key and Exchange Online's handling of a resubmitted Message-ID is not documented, so the restart sends
    /// again — the same message, byte for byte, with the same Message-ID (README, "Alert mail": at least once).
    /// </summary>
    [Fact]
    public async Task A_crash_after_202_before_marking_sent_resends_the_identical_message_with_the_same_Message_ID()
    {
        using var workspace = new TestWorkspace();
        var (settings, database) = await SetUpAsync(workspace);
        var time = new ShiftedClock();

        using var crash = new CrashAfterAccepted();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DailyAsync(settings, database, time, crashAfterAccepted: crash));
        var row = Assert.Single(await new OutboxRepository(database).AllAsync(CancellationToken.None));
        Assert.Equal(("pending", 0L), (row.Status, row.Attempts));

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var reopened = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(1));
        Assert.Single(await DailyAsync(settings, reopened, time));
        Assert.Equal("sent", Assert.Single(await new OutboxRepository(reopened).AllAsync(CancellationToken.None)).Status);

        // Each delivery lands in the outbox of its own day's period: run on the last day of a month, the resend a day
        // later is in the next month's folder — both are read.
        var delivered = Directory.GetDirectories(Path.Combine(workspace.ReportsRoot, "demo"), "outbox", SearchOption.AllDirectories)
            .SelectMany(d => Directory.GetFiles(d, "*.eml")).Select(File.ReadAllText).ToList();
        Assert.Equal(2, delivered.Count);
        Assert.Equal(delivered[0], delivered[1]);
        Assert.Equal($"{row.Id}@contoso-demo.example", SentMessage.Parse(delivered[0]).MessageId);
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
}
