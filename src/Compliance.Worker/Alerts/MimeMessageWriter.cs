using System.Globalization;
using System.Text;

namespace Compliance.Worker.Alerts;

/// <summary>
/// A MIME message (RFC 2045/2046): multipart/mixed holding multipart/alternative (text/plain, then text/html — the
/// last part is the preferred one, RFC 2046 §5.1.4) and optional attachments. Graph's JSON sendMail takes one body
/// only, so an HTML mail with a plain-text part has to go as MIME (m365-apis.md §7: base64 MIME, Content-Type text/plain).
/// </summary>
public static class MimeMessageWriter
{
    public static byte[] Write(
        string messageId, string from, IReadOnlyList<string> to, string subject, DateTimeOffset date, string text, string html, IReadOnlyList<AlertAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(attachments);
        var mixed = "mixed-" + messageId;
        var alternative = "alt-" + messageId;
        var mime = new StringBuilder();
        Header(mime, "Message-ID", $"<{messageId}@compliance>");
        Header(mime, "Date", date.ToString("ddd, dd MMM yyyy HH:mm:ss zzzz", CultureInfo.InvariantCulture).Remove(29, 1));
        Header(mime, "From", from);
        Header(mime, "To", string.Join(", ", to));
        // RFC 2047 encoded-word: the subject may carry non-ASCII tenant or app names.
        Header(mime, "Subject", $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(subject))}?=");
        Header(mime, "MIME-Version", "1.0");
        Header(mime, "Content-Type", $"multipart/mixed; boundary=\"{mixed}\"");
        mime.Append("\r\n");
        mime.Append("--").Append(mixed).Append("\r\n");
        Header(mime, "Content-Type", $"multipart/alternative; boundary=\"{alternative}\"");
        mime.Append("\r\n");
        Part(mime, alternative, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text), null);
        Part(mime, alternative, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), null);
        mime.Append("--").Append(alternative).Append("--\r\n");
        foreach (var attachment in attachments)
        {
            Part(mime, mixed, $"{attachment.ContentType}; name=\"{attachment.Name}\"", attachment.Content, attachment.Name);
        }

        mime.Append("--").Append(mixed).Append("--\r\n");
        return Encoding.ASCII.GetBytes(mime.ToString());
    }

    private static void Header(StringBuilder mime, string name, string value) => mime.Append(name).Append(": ").Append(value).Append("\r\n");

    private static void Part(StringBuilder mime, string boundary, string contentType, byte[] content, string? attachmentName)
    {
        mime.Append("--").Append(boundary).Append("\r\n");
        Header(mime, "Content-Type", contentType);
        Header(mime, "Content-Transfer-Encoding", "base64");
        if (attachmentName is not null)
        {
            Header(mime, "Content-Disposition", $"attachment; filename=\"{attachmentName}\"");
        }

        mime.Append("\r\n");
        // Base64 lines of at most 76 characters (RFC 2045 §6.8).
        mime.Append(Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks)).Append("\r\n");
    }
}
