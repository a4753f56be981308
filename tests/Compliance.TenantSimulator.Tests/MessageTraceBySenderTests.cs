using System.Globalization;
using Compliance.TenantSimulator.Generation;

namespace Compliance.TenantSimulator.Tests;

/// <summary>
/// Message trace filtered on a sender is answered from the simulator's per-sender index; it must give exactly the rows a
/// scan of the whole generated log gives: the same rows, in the same order, with the same JSON, page after page.
/// </summary>
public class MessageTraceBySenderTests
{
    private const string Path = "v1.0/admin/exchange/tracing/messageTraces";

    [Fact]
    public async Task A_sender_and_window_answer_the_rows_of_a_scan_of_the_whole_log_with_the_same_json()
    {
        var fixture = TenantFixture.Generate(TenantScale.Small, 1, TestTenant.Anchor);
        await using var tenant = await TestTenant.StartAsync(fixture: fixture);
        var token = await tenant.TokenAsync();
        var messages = fixture.Activity.Messages.ToList();
        var approved = fixture.Register.SelectMany(e => e.ApprovedSenders).First(s => messages.Count(m => m.SenderAddress == s) > 10);
        // Background mail (personal mailboxes) and planted mail (approved senders) come from the two merged halves of the log.
        var personal = messages.GroupBy(m => m.SenderAddress).Where(g => !fixture.Register.Any(e => e.ApprovedSenders.Contains(g.Key))).MaxBy(g => g.Count())!.Key;

        foreach (var (sender, from) in new[] { (approved, 12), (approved.ToUpperInvariant(), 25), (personal, 10), ("nobody@nowhere.example", 10) })
        {
            DateTimeOffset start = TestTenant.Anchor.AddDays(-from), end = start.AddDays(10);
            var window = $"receivedDateTime ge {TestJson.Iso(start)} and receivedDateTime le {TestJson.Iso(end)}";
            var expected = messages
                .Where(m => m.ReceivedDateTime >= start && m.ReceivedDateTime <= end && string.Equals(m.SenderAddress, sender, StringComparison.OrdinalIgnoreCase))
                .ToList();
            Assert.True(sender.StartsWith("nobody@", StringComparison.Ordinal) ? expected.Count == 0 : expected.Count > 0, $"{sender}: {expected.Count} rows");

            var (indexed, pages) = await TestJson.AllPagesAsync(tenant, $"{Path}?$filter={window} and senderAddress eq '{sender}'&$top=3", token);
            var (scanned, _) = await TestJson.AllPagesAsync(tenant, $"{Path}?$filter={window}&$top=5000", token);

            Assert.Equal(expected.Select(m => m.Id), indexed.Select(r => r.Str("id")));
            Assert.Equal(
                scanned.Where(r => string.Equals(r.Str("senderAddress"), sender, StringComparison.OrdinalIgnoreCase)).Select(r => r.GetRawText()),
                indexed.Select(r => r.GetRawText()));
            Assert.All(indexed.Zip(expected), pair =>
            {
                var (row, m) = pair;
                Assert.Equal((m.SenderAddress, m.RecipientAddress, m.MessageId, m.Subject, m.Size, m.Status), (row.Str("senderAddress"), row.Str("recipientAddress"), row.Str("messageId"), row.Str("subject"), row.GetProperty("size").GetInt64(), row.Str("status")));
                Assert.Equal(m.ReceivedDateTime, DateTimeOffset.Parse(row.Str("receivedDateTime")!, CultureInfo.InvariantCulture));
            });
            Assert.Equal(Math.Max(1, (expected.Count + 2) / 3), pages);
        }
    }
}
