using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Graph;

/// <summary>A sendMail JSON message (m365-apis.md §7) written out as the RFC 5322 text the outbox keeps.</summary>
internal static class JsonMailMessage
{
    public static List<string> Addresses(JsonNode? recipients) =>
        recipients is JsonArray a ? a.Select(r => r?["emailAddress"]?["address"]?.GetValue<string>()).OfType<string>().ToList() : [];

    public static string Eml(string from, List<string> to, List<string> cc, JsonObject message, DateTimeOffset now, string id, string domain)
    {
        var subject = message["subject"]?.GetValue<string>() ?? "";
        var bodyType = string.Equals(message["body"]?["contentType"]?.GetValue<string>(), "html", StringComparison.OrdinalIgnoreCase) ? "text/html" : "text/plain";
        var content = message["body"]?["content"]?.GetValue<string>() ?? "";
        var attachments = message["attachments"] as JsonArray ?? [];
        var boundary = "sim_" + id;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"From: {from}\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"To: {string.Join(", ", to)}\r\n");
        if (cc.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Cc: {string.Join(", ", cc)}\r\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"Subject: =?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(subject))}?=\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"Date: {now.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"Message-ID: <{id}@{domain}>\r\n");
        sb.Append("MIME-Version: 1.0\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"--{boundary}\r\nContent-Type: {bodyType}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        sb.Append(Wrap(Convert.ToBase64String(Encoding.UTF8.GetBytes(content))));
        foreach (var attachment in attachments.OfType<JsonObject>())
        {
            var name = attachment["name"]?.GetValue<string>() ?? "attachment";
            var type = attachment["contentType"]?.GetValue<string>() ?? "application/octet-stream";
            sb.Append(CultureInfo.InvariantCulture, $"--{boundary}\r\nContent-Type: {type}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
            sb.Append(Wrap(attachment["contentBytes"]?.GetValue<string>() ?? ""));
        }

        sb.Append(CultureInfo.InvariantCulture, $"--{boundary}--\r\n");
        return sb.ToString();
    }

    private static string Wrap(string base64)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < base64.Length; i += 76)
        {
            sb.Append(base64.AsSpan(i, Math.Min(76, base64.Length - i))).Append("\r\n");
        }

        return sb.ToString();
    }
}
