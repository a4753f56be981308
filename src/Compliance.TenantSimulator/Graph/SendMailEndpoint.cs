using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// POST /v1.0/users/{id|upn}/sendMail (m365-apis.md §7): 202 with an empty body. The body is JSON
/// (Content-Type application/json) or a base64-encoded MIME message (Content-Type text/plain), as on Microsoft Learn
/// "user: sendMail". Every accepted message is captured in the outbox: a MIME message exactly as received, a JSON one
/// rendered as RFC 5322 text. A body over 4 MB gets 413 (§7, widely reported limit).
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

        var now = state.Time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        string eml;
        if (context.Request.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(context.Request.Body);
            var mime = MimeSubmission.Parse(await reader.ReadToEndAsync(context.RequestAborted));
            if (mime.Error is not null || mime.To.Count + mime.Cc.Count == 0)
            {
                await GraphError.WriteAsync(context, state, 400, mime.Error ?? "ErrorInvalidRecipients", mime.ErrorMessage ?? "At least one recipient isn't valid.");
                return;
            }

            eml = mime.Message;
        }
        else
        {
            var message = await ReadJsonMessageAsync(context);
            var to = JsonMailMessage.Addresses(message?["toRecipients"]);
            if (message is null || to.Count == 0)
            {
                await GraphError.WriteAsync(context, state, 400, message is null ? "ErrorInvalidRequest" : "ErrorInvalidRecipients", message is null ? "Cannot read the request body." : "At least one recipient isn't valid.");
                return;
            }

            eml = JsonMailMessage.Eml(mailbox.Address, to, JsonMailMessage.Addresses(message["ccRecipients"]), message, now, id, state.Fixture.Domain);
        }

        await state.Outbox.AddAsync($"{now:yyyyMMdd'T'HHmmss}-{id[..8]}", eml, context.RequestAborted);
        context.Response.StatusCode = 202;
    }

    private static async Task<JsonObject?> ReadJsonMessageAsync(HttpContext context)
    {
        try
        {
            // Action parameter names are matched case-insensitively: the Graph SDK sends "Message" and "SaveToSentItems"
            // (the casing of the action's metadata), hand-written clients send "message" (Learn's examples); Graph takes both.
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            return body?.FirstOrDefault(p => p.Key.Equals("message", StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
