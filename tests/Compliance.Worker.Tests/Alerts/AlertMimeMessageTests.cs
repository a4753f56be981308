using System.Text;
using Compliance.Worker.Alerts;
using Compliance.Worker.Alerts.Mime;

namespace Compliance.Worker.Tests.Alerts;

/// <summary>The alert MIME message read back by MimeKit: what a mail client shows is what was composed.</summary>
public class AlertMimeMessageTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_long_non_ASCII_subject_and_bodies_reach_the_reader_unchanged_in_a_pure_ASCII_message_with_short_CRLF_lines()
    {
        var subject = "[Compliance] Müller & Søn GmbH: 3 neue kritische Befunde — Prüfung für 2026-11 ✓ 日本語のテナント名も正しく表示される";
        var text = "Befund: SCOPE-002 — Postfach „Buchhaltung“ ohne Einschränkung\r\n";
        var html = "<p>Befund: <b>SCOPE-002</b> — Postfach „Buchhaltung“</p>";
        var pdf = new byte[5000];
        new Random(7).NextBytes(pdf);
        var mime = AlertMimeMessage.Build(
            new MailEnvelope("20261129T063000Z-daily-0a1b2c3d@contoso-demo.example", At, "compliance-alerts@contoso-demo.example",
                ["secops@contoso-demo.example", "ciso@contoso-demo.example"], subject),
            text, html, new AlertAttachment("Prüfbericht 2026-11.pdf", "application/pdf", pdf));

        Assert.All(mime.ToCharArray(), c => Assert.InRange(c, '\0', '\x7f'));
        var lines = mime.Split("\r\n");
        Assert.DoesNotContain(lines, l => l.Contains('\n', StringComparison.Ordinal) || l.Contains('\r', StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length <= 78, $"line of {l.Length} characters: {l}"));

        var message = SentMessage.Parse(mime);
        Assert.Equal(subject, message.Subject);
        Assert.Equal("20261129T063000Z-daily-0a1b2c3d@contoso-demo.example", message.MessageId);
        Assert.Equal(At, message.Date);
        Assert.Equal(["secops@contoso-demo.example", "ciso@contoso-demo.example"], message.To.Mailboxes.Select(m => m.Address));
        // Compared as decoded bytes: MimeKit's TextBody turns CRLF into LF.
        Assert.Equal(Encoding.UTF8.GetBytes(text), SentMessage.Content(Assert.Single(message.BodyParts.OfType<MimeKit.TextPart>(), p => p.IsPlain)));
        Assert.Equal(html, message.HtmlBody);
        var attachment = Assert.Single(message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("Prüfbericht 2026-11.pdf", attachment.FileName);
        Assert.Equal(pdf, SentMessage.Content(attachment));
    }

    [Fact]
    public void The_same_outbox_row_gives_the_same_bytes_and_the_request_size_counts_the_second_base64_pass()
    {
        var envelope = new MailEnvelope("id-1@contoso-demo.example", At, "compliance-alerts@contoso-demo.example", ["secops@contoso-demo.example"], "subject");
        var first = AlertMimeMessage.Build(envelope, "text", "<p>html</p>", null);
        Assert.Equal(first, AlertMimeMessage.Build(envelope, "text", "<p>html</p>", null));
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(first)).Length, AlertMimeMessage.RequestBytes(first));
        Assert.Empty(SentMessage.Parse(first).Attachments);
    }
}
