using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Compliance.Worker.Alerts.Mime;

/// <summary>
/// The alert as one MIME message (RFC 5322 / RFC 2045–2046), which Graph's sendMail accepts base64-encoded with
/// Content-Type text/plain (Microsoft Learn, "user: sendMail" and "Send Outlook messages in MIME format"):
/// multipart/mixed holding a multipart/alternative (text/plain, then text/html — RFC 2046 §5.1.4: richest last) and,
/// when given, the attachment. Every body is UTF-8 in base64, every line ends in CRLF, so the message is plain ASCII;
/// long header fields are folded so that lines stay within 78 characters (RFC 5322 §2.1.1).
/// Boundaries are derived from the Message-ID, so the same outbox row always yields the same bytes.
/// </summary>
public static class AlertMimeMessage
{
    public static string Build(MailEnvelope envelope, string text, string html, AlertAttachment? attachment)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(html);
        var mixed = Boundary(envelope.MessageId, "mixed");
        var alternative = Boundary(envelope.MessageId, "alternative");
        var mime = new StringBuilder();
        Header(mime, "From", envelope.From);
        Header(mime, "To", string.Join(",\r\n ", envelope.To));
        Header(mime, "Subject", EncodedWord.Encode("Subject", envelope.Subject));
        // RFC 5322 §3.3 date-time; the outbox records the instant in UTC.
        Header(mime, "Date", envelope.Date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(mime, "Message-ID", $"<{envelope.MessageId}>");
        Header(mime, "MIME-Version", "1.0");
        Header(mime, "Content-Type", $"multipart/mixed;\r\n boundary=\"{mixed}\"");
        mime.Append("\r\n");

        mime.Append("--").Append(mixed).Append("\r\n");
        Header(mime, "Content-Type", $"multipart/alternative;\r\n boundary=\"{alternative}\"");
        mime.Append("\r\n");
        TextPart(mime, alternative, "text/plain", text);
        TextPart(mime, alternative, "text/html", html);
        mime.Append("--").Append(alternative).Append("--\r\n");

        if (attachment is not null)
        {
            mime.Append("--").Append(mixed).Append("\r\n");
            Header(mime, "Content-Type", $"{attachment.ContentType};\r\n {FileNameParameter("name", attachment.Name)}");
            Header(mime, "Content-Disposition", $"attachment;\r\n {FileNameParameter("filename", attachment.Name)}");
            Header(mime, "Content-Transfer-Encoding", "base64");
            mime.Append("\r\n");
            Base64Lines.Append(mime, attachment.Content);
        }

        mime.Append("--").Append(mixed).Append("--\r\n");
        return mime.ToString();
    }

    /// <summary>The size of the sendMail request body: the MIME text base64-encoded once more.</summary>
    public static long RequestBytes(string mime) => (Encoding.UTF8.GetByteCount(mime) + 2) / 3 * 4;

    private static void TextPart(StringBuilder mime, string boundary, string mediaType, string content)
    {
        mime.Append("--").Append(boundary).Append("\r\n");
        Header(mime, "Content-Type", $"{mediaType}; charset=utf-8");
        Header(mime, "Content-Transfer-Encoding", "base64");
        mime.Append("\r\n");
        Base64Lines.Append(mime, Encoding.UTF8.GetBytes(content));
    }

    private static void Header(StringBuilder mime, string name, string value) => mime.Append(name).Append(": ").Append(value).Append("\r\n");

    // "=_" cannot occur in base64 and "_" is not allowed in a header token, so the boundary can never appear inside a
    // part (RFC 2046 §5.1.1 requires that it does not).
    private static string Boundary(string messageId, string part) =>
        "=_" + part + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId + "\n" + part)))[..24];

    /// <summary>parameter="name", or for a name that is not printable ASCII the RFC 2231 §4 form parameter*=utf-8''percent-encoded.</summary>
    private static string FileNameParameter(string parameter, string name)
    {
        if (name.All(c => c is >= ' ' and <= '~' and not '"' and not '\\'))
        {
            return $"{parameter}=\"{name}\"";
        }

        var encoded = string.Concat(Encoding.UTF8.GetBytes(name).Select(b =>
            char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'-' or (byte)'_' ? ((char)b).ToString() : $"%{b:X2}"));
        return $"{parameter}*=utf-8''{encoded}";
    }
}
