using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// POST /v1.0/users/{id|upn}/sendMail (m365-apis.md §7): 202 with an empty body; every accepted message is captured
/// as .eml in the outbox. A body over 4 MB gets 413 (§7, widely reported limit).
/// </summary>
internal static class SendMailEndpoint
{
    private const long MaxRequestBytes = 4 * 1024 * 1024;

    public static void Map(WebApplication app, SimulatorState state) =>
        app.MapPost("/v1.0/users/{key}/sendMail", (HttpContext c, string key) => HandleAsync(c, state, key));

    private static async Task HandleAsync(HttpContext context, SimulatorState state, string key)
    {
        if (!await BearerGuard.AuthorizeAsync(context, state, TokenAudience.Graph))
        {
            return;
        }

        if (state.Fixture.Failures.Denies("sendMail"))
        {
            await GraphError.WriteAsync(context, state, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            return;
        }

        var mailbox = state.Fixture.Directory.MailboxByKey(Uri.UnescapeDataString(key));
        if (mailbox is null)
        {
            await GraphError.WriteAsync(context, state, 404, "ErrorInvalidUser", $"The requested user '{key}' is invalid.");
            return;
        }

        if (context.Request.ContentLength > MaxRequestBytes)
        {
            await GraphError.WriteAsync(context, state, 413, "RequestEntityTooLarge", "The maximum request length supported is 4MB.");
            return;
        }

        JsonObject? message;
        try
        {
            // Action parameter names are matched case-insensitively: the Graph SDK sends "Message" and "SaveToSentItems"
            // (the casing of the action's metadata), hand-written clients send "message" (Learn's examples); Graph takes both.
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            message = body?.FirstOrDefault(p => p.Key.Equals("message", StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        }
        catch (JsonException)
        {
            message = null;
        }

        var to = Addresses(message?["toRecipients"]);
        if (message is null || to.Count == 0)
        {
            await GraphError.WriteAsync(context, state, 400, message is null ? "ErrorInvalidRequest" : "ErrorInvalidRecipients", message is null ? "Cannot read the request body." : "At least one recipient isn't valid.");
            return;
        }

        var now = state.Time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var eml = Eml(mailbox.Address, to, Addresses(message["ccRecipients"]), message, now, id, state.Fixture.Domain);
        await state.Outbox.AddAsync($"{now:yyyyMMdd'T'HHmmss}-{id[..8]}", eml, context.RequestAborted);
        context.Response.StatusCode = 202;
    }

    private static List<string> Addresses(JsonNode? recipients) =>
        recipients is JsonArray a ? a.Select(r => r?["emailAddress"]?["address"]?.GetValue<string>()).OfType<string>().ToList() : [];

    private static string Eml(string from, List<string> to, List<string> cc, JsonObject message, DateTimeOffset now, string id, string domain)
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
