using System.Security.Cryptography;
using Compliance.Collectors;
using Compliance.Storage;
using Compliance.TenantSimulator;
using Compliance.TenantSimulator.Hosting;
using Compliance.Worker.Alerts;
using Compliance.Worker.Alerts.Mime;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;

namespace Compliance.Worker.Tests.Alerts;

/// <summary>
/// Delivery through a simulator whose Transient fault profile answers about one request in five with 503/504 and
/// Retry-After: 1: every message is retried until accepted, marked sent, and lands in the simulator's outbox exactly once.
/// </summary>
public class TransientDeliveryTests
{
    [Fact]
    public async Task Messages_hit_by_503_or_504_are_retried_and_each_is_delivered_exactly_once()
    {
        using var folder = new TempFolder();
        var database = await SqliteDatabase.OpenAsync(Path.Combine(folder.Path, "c.db"), CancellationToken.None);
        var settings = new ComplianceSettings { Alerts = { SenderMailbox = "compliance-alerts@contoso-demo.example", Recipients = ["secops@contoso-demo.example"] } };
        var outbox = new OutboxRepository(database);
        const int count = 12;
        for (var i = 0; i < count; i++)
        {
            var created = DateTimeOffset.UtcNow.AddMinutes(-1);
            // Message 0 stands for a row recorded before migration 0006: a JSON request body, still sent as JSON.
            var (payload, format) = i == 0
                ? ("{\"message\":{\"subject\":\"alert 0\",\"body\":{\"contentType\":\"HTML\",\"content\":\"<p>alert 0</p>\"},\"toRecipients\":[{\"emailAddress\":{\"address\":\"secops@contoso-demo.example\"}}]},\"saveToSentItems\":true}", OutboxPayloadFormat.Json)
                : (AlertMimeMessage.Build(
                    new MailEnvelope($"m{i:D2}@contoso-demo.example", created, settings.Alerts.SenderMailbox!, settings.Alerts.Recipients, $"alert {i}"), $"alert {i}", $"<p>alert {i}</p>", null),
                   OutboxPayloadFormat.Mime);
            var stamp = created.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(await outbox.EnqueueAsync(
                new OutboxMessage($"m{i:D2}", "demo", null, AlertKinds.Daily, settings.Alerts.SenderMailbox!, $"alert {i}", payload, format, stamp, "pending", 0, stamp, null, null),
                [$"item:{i}"], CancellationToken.None));
        }

        var fixture = TenantFixture.LoadDemo(DateTimeOffset.UtcNow);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var host = await SimulatorHost.StartAsync(fixture,
            new SimulatorOptions { ClientSecret = secret, Faults = FaultProfile.Transient, FaultSeed = 7 }, CancellationToken.None);
        var endpoints = CloudEndpoints.ForSimulator(host.BaseUri);
        var transport = PinnedCertificate.Handler(host.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
        var connection = new TenantConnection(host.TenantId, endpoints,
            TenantCredentials.ClientSecret(host.TenantId, fixture.AuditorAppId, secret, endpoints, transport), transport);

        var result = await new AlertService(settings, database, TimeProvider.System, new RunLog(TextWriter.Null, TimeProvider.System))
            .DeliverAsync("demo", connection, CancellationToken.None);

        Assert.Equal(new DeliveryResult(count, 0, 0), result);
        var messages = await outbox.AllAsync(CancellationToken.None);
        Assert.All(messages, m => Assert.Equal("sent", m.Status));
        Assert.Contains(messages, m => m.Attempts > 1); // the fault profile did hit, and the retry recovered
        Assert.Equal(count, host.SentMail.Messages.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"alert {i}").Order(StringComparer.Ordinal),
            host.SentMail.Messages.Select(m => SentMessage.Parse(m).Subject).Order(StringComparer.Ordinal));
        Assert.Equal(count, host.Requests.Entries.Count(e => e.Method == "POST" && e.PathAndQuery.EndsWith("/sendMail", StringComparison.Ordinal) && e.Status == 202));
    }
}
