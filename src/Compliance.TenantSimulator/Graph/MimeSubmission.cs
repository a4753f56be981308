using System.Text;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// A sendMail body in MIME form: the message base64-encoded, posted with Content-Type text/plain (Microsoft Learn,
/// "user: sendMail"). Decoding failures give the documented 400 ErrorMimeContentInvalidBase64String ("Invalid base64
/// string for MIME content."); a decoded message without a header block, with a header line that is not a field, or a
/// multipart body whose boundary never occurs gives 400 ErrorMimeContentInvalid (the EWS response code for invalid MIME
/// content, which the Graph page "Send Outlook messages in MIME format" describes as "malformed formatting, or empty").
/// </summary>
internal sealed record MimeSubmission(string Message, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string? Error, string? ErrorMessage)
{
    public static MimeSubmission Parse(string body)
    {
        var compact = new string([.. body.Where(c => !char.IsWhiteSpace(c))]);
        var bytes = new byte[compact.Length];
        if (compact.Length == 0 || !Convert.TryFromBase64String(compact, bytes, out var length))
        {
            return Invalid("ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content.");
        }

        var message = Encoding.UTF8.GetString(bytes, 0, length);
        var split = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split <= 0)
        {
            return Invalid("ErrorMimeContentInvalid", "The MIME content has no header section.");
        }

        var fields = MimeHeaders.Parse(message[..split]);
        if (fields is null)
        {
            return Invalid("ErrorMimeContentInvalid", "The MIME content has a header line that is not a header field.");
        }

        var boundary = MimeHeaders.Boundary(fields);
        if (boundary == "" || (boundary is not null && !message.Contains($"\r\n--{boundary}--", StringComparison.Ordinal)))
        {
            return Invalid("ErrorMimeContentInvalid", "The MIME content's multipart body does not close its boundary.");
        }

        return new MimeSubmission(message, MimeHeaders.Addresses(fields, "To"), MimeHeaders.Addresses(fields, "Cc"), null, null);
    }

    private static MimeSubmission Invalid(string code, string text) => new("", [], [], code, text);
}
