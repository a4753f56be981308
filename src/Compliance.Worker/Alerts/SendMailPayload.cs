using System.Text.Json.Nodes;

namespace Compliance.Worker.Alerts;

/// <summary>
/// The JSON body of <c>POST /users/{sender}/sendMail</c> (m365-apis.md §7, S27a): an HTML body, and fileAttachments —
/// the plain-text rendering as alert.txt (the JSON form takes one body only) and the report PDF when it is under 3 MB.
/// saveToSentItems=true so that the shared mailbox keeps its own record of every alert.
/// </summary>
public static class SendMailPayload
{
    public static string Build(string subject, IReadOnlyList<string> recipients, string html, IReadOnlyList<AlertAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(attachments);
        var message = new JsonObject
        {
            ["subject"] = subject,
            ["body"] = new JsonObject { ["contentType"] = "HTML", ["content"] = html },
            ["toRecipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = r } })]),
            ["attachments"] = new JsonArray([.. attachments.Select(a => (JsonNode)new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.fileAttachment",
                ["name"] = a.Name,
                ["contentType"] = a.ContentType,
                ["contentBytes"] = Convert.ToBase64String(a.Content),
            })]),
        };
        return new JsonObject { ["message"] = message, ["saveToSentItems"] = true }.ToJsonString();
    }
}
