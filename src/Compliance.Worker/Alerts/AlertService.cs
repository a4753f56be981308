using System.Globalization;
using System.Security.Cryptography;
using Compliance.Collectors;
using Compliance.Reports;
using Compliance.Storage;
using Compliance.Worker.Alerts.Mime;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;

namespace Compliance.Worker.Alerts;

/// <summary>
/// Records alerts in the outbox and delivers them. Recording claims the alert's items in the same transaction, before
/// any send, and stores the complete MIME message with a Message-ID derived from the outbox id; delivery marks a message
/// sent only on 202 and schedules a retry on 429/5xx (honouring Retry-After), so a crash between the two leaves the
/// message pending for the next pass — never lost, never composed twice.
/// The window left is a crash after Graph accepted but before "sent" was written: sendMail has no idempotency key, so
/// that message goes again — byte for byte the same, with the same Message-ID, so recipients and the operator can tell
/// it is a repeat. Whether Exchange Online drops such a resubmission is not documented (README, "Alert mail"), so the
/// delivery guarantee is at least once.
/// </summary>
public sealed class AlertService(ComplianceSettings settings, SqliteDatabase database, TimeProvider time, RunLog log)
{
    /// <summary>Attachments are sent inline only under 3 MB (m365-apis.md §7, S27b).</summary>
    public const long MaxAttachmentBytes = 3_000_000;

    /// <summary>
    /// The Graph request limit of 4 MB (m365-apis.md §7, S27c) applies to the request body: the MIME message, whose
    /// attachment is already base64, base64-encoded once more — so a PDF of about 2.2 MB is the most that fits.
    /// </summary>
    public const long MaxRequestBytes = 4_000_000;

    private const int MaxAttempts = 10;
    private const int InPassRetries = 3;

    private readonly OutboxRepository outbox = new(database);

    public bool Enabled => settings.Alerts.SenderMailbox is not null && settings.Alerts.Recipients.Count > 0;

    public async Task<int> EnqueueDailyAsync(string tenant, string runId, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            log.Info("alerts.disabled", ("reason", "Alerts:SenderMailbox and Alerts:Recipients are not both set"));
            return 0;
        }

        var content = await new AlertComposer(settings, database).DailyAsync(tenant, runId, time.GetUtcNow(), cancellationToken);
        return await EnqueueAsync(content, cancellationToken) ? 1 : 0;
    }

    public async Task<int> EnqueueCredentialDigestAsync(string tenant, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            log.Info("alerts.disabled", ("reason", "Alerts:SenderMailbox and Alerts:Recipients are not both set"));
            return 0;
        }

        var run = await new RunRepository(database).LatestPublishedAsync(tenant, "", cancellationToken);
        if (run is null)
        {
            log.Warn("alerts.digest", ("tenant", tenant), ("reason", "no published run yet"));
            return 0;
        }

        var content = await new AlertComposer(settings, database).CredentialDigestAsync(tenant, run.Id, asOf, cancellationToken);
        return await EnqueueAsync(content, cancellationToken) ? 1 : 0;
    }

    /// <summary>The content an alert would have now, for `alerts send --dry-run` (nothing is recorded).</summary>
    public async Task<AlertContent?> PreviewDailyAsync(string tenant, CancellationToken cancellationToken)
    {
        var run = await new RunRepository(database).LatestPublishedAsync(tenant, "", cancellationToken);
        return run is null ? null : await new AlertComposer(settings, database).DailyAsync(tenant, run.Id, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Sends every due pending message of <paramref name="tenant"/> through <paramref name="connection"/>.</summary>
    public async Task<DeliveryResult> DeliverAsync(string tenant, TenantConnection connection, CancellationToken cancellationToken)
    {
        int sent = 0, retrying = 0, failed = 0;
        using var sender = new GraphMailSender(connection);
        foreach (var message in await outbox.DueAsync(tenant, time.GetUtcNow(), cancellationToken))
        {
            var attempts = message.Attempts;
            for (var pass = 0; ; pass++)
            {
                var outcome = await sender.SendAsync(message.Sender, message.Payload, message.PayloadFormat, cancellationToken);
                attempts++;
                if (outcome.Accepted)
                {
                    // Written with None: once Graph accepted, recording it must not be skipped by a shutdown.
                    await outbox.MarkSentAsync(message.Id, time.GetUtcNow(), CancellationToken.None);
                    log.Info("alerts.sent", ("id", message.Id), ("tenant", tenant), ("subject", message.Subject), ("attempt", attempts));
                    sent++;
                    break;
                }

                if (!outcome.Transient || attempts >= MaxAttempts)
                {
                    await outbox.MarkFailedAsync(message.Id, outcome.Detail, CancellationToken.None);
                    log.Warn("alerts.failed", ("id", message.Id), ("status", outcome.StatusCode), ("detail", outcome.Detail));
                    failed++;
                    break;
                }

                // Retry-After when given, else exponential backoff (m365-apis.md §8): 2^attempts seconds, capped at 1 h.
                var wait = outcome.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, attempts)));
                if (pass < InPassRetries && wait <= TimeSpan.FromSeconds(30))
                {
                    await outbox.MarkRetryAsync(message.Id, time.GetUtcNow() + wait, outcome.Detail, CancellationToken.None);
                    log.Warn("alerts.retry", ("id", message.Id), ("status", outcome.StatusCode), ("waitSeconds", wait.TotalSeconds));
                    await Task.Delay(wait, time, cancellationToken);
                    continue;
                }

                await outbox.MarkRetryAsync(message.Id, time.GetUtcNow() + wait, outcome.Detail, CancellationToken.None);
                log.Warn("alerts.deferred", ("id", message.Id), ("status", outcome.StatusCode), ("next", (time.GetUtcNow() + wait).ToString("O", CultureInfo.InvariantCulture)));
                retrying++;
                break;
            }
        }

        return new DeliveryResult(sent, retrying, failed);
    }

    private async Task<bool> EnqueueAsync(AlertContent content, CancellationToken cancellationToken)
    {
        if (content.IsEmpty)
        {
            log.Info("alerts.nothing-new", ("tenant", content.Tenant), ("kind", content.Kind));
            return false;
        }

        var now = time.GetUtcNow();
        var id = $"{now:yyyyMMdd'T'HHmmss'Z'}-{content.Kind}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var sender = settings.Alerts.SenderMailbox!;
        // The Message-ID is fixed here, with the row: every attempt to send this row is the same message (RFC 5322 §3.6.4).
        var envelope = new MailEnvelope($"{id}@{sender[(sender.IndexOf('@', StringComparison.Ordinal) + 1)..]}", now, sender, settings.Alerts.Recipients, content.Subject);
        var payload = await BuildMimeAsync(content, envelope, cancellationToken);
        var message = new OutboxMessage(
            id, content.Tenant, content.RunId, content.Kind, sender, content.Subject, payload, OutboxPayloadFormat.Mime,
            now.ToString("O", CultureInfo.InvariantCulture), "pending", 0, now.ToString("O", CultureInfo.InvariantCulture), null, null);
        if (!await outbox.EnqueueAsync(message, content.ItemKeys, cancellationToken))
        {
            log.Info("alerts.already-claimed", ("tenant", content.Tenant), ("kind", content.Kind));
            return false;
        }

        log.Info("alerts.recorded", ("id", id), ("tenant", content.Tenant), ("items", content.ItemKeys.Count), ("subject", content.Subject));
        return true;
    }

    private async Task<string> BuildMimeAsync(AlertContent content, MailEnvelope envelope, CancellationToken cancellationToken)
    {
        var (attachment, note) = await ReportAttachmentAsync(content, cancellationToken);
        string Build(AlertAttachment? file, string? text) =>
            AlertMimeMessage.Build(envelope, AlertRenderer.Text(content, text), AlertRenderer.Html(content, text), file);

        var mime = Build(attachment, note);
        if (attachment is not null && AlertMimeMessage.RequestBytes(mime) >= MaxRequestBytes)
        {
            mime = Build(null, $"The report PDF ({attachment.Content.Length} bytes) is too large to attach within Graph's 4 MB request limit; it is under {Path.GetFullPath(Path.Combine(settings.Reports.OutputRoot, content.Tenant))}.");
        }

        return mime;
    }

    /// <summary>The run's PDF when the report directory still holds that run and the file is under 3 MB.</summary>
    private async Task<(AlertAttachment? File, string? Note)> ReportAttachmentAsync(AlertContent content, CancellationToken cancellationToken)
    {
        if (content.RunId is null)
        {
            return (null, null);
        }

        var run = await new VerificationRepository(database).PublishedRunAsync(content.RunId, cancellationToken);
        if (run is null)
        {
            return (null, null);
        }

        var directory = Path.Combine(settings.Reports.OutputRoot, run.Tenant, run.Period);
        var manifestPath = Path.Combine(directory, ReportFileNames.Manifest);
        var pdf = Path.Combine(directory, ReportFileNames.Pdf(run.Tenant, run.Period));
        if (!File.Exists(manifestPath) || !File.Exists(pdf)
            || ManifestReader.Read(await File.ReadAllBytesAsync(manifestPath, cancellationToken))?.RunId != run.Id)
        {
            return (null, null);
        }

        var size = new FileInfo(pdf).Length;
        return size < MaxAttachmentBytes
            ? (new AlertAttachment(Path.GetFileName(pdf), "application/pdf", await File.ReadAllBytesAsync(pdf, cancellationToken)), $"The review report is attached ({Path.GetFileName(pdf)}).")
            : (null, $"The review report ({size} bytes) is over 3 MB and is not attached; it is at {Path.GetFullPath(pdf)}.");
    }
}
