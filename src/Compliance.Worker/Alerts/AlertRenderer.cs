using System.Net;
using System.Text;

namespace Compliance.Worker.Alerts;

/// <summary>The alert's plain-text and HTML bodies. Every value from the tenant is HTML-encoded.</summary>
public static class AlertRenderer
{
    public static string Text(AlertContent content, string? attachmentNote)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = new StringBuilder();
        text.Append(content.Subject).Append("\r\n\r\n");
        if (content.Findings.Count > 0)
        {
            text.Append("New high/critical findings\r\n");
            foreach (var f in content.Findings)
            {
                text.Append($"  [{f.Severity}] {f.RuleId} {f.ResourceName}{(f.Integration is null ? "" : $" ({f.Integration})")}: {f.Detail}\r\n    Fix: {f.Remediation}\r\n");
            }

            text.Append("\r\n");
        }

        if (content.ExpiringCredentials.Count > 0)
        {
            text.Append("Credentials expiring within the warning window\r\n");
            foreach (var c in content.ExpiringCredentials)
            {
                text.Append($"  {c.AppName ?? c.AppId}: {c.Type} {c.DisplayName ?? c.KeyId} ends {c.EndDateTime}\r\n");
            }

            text.Append("\r\n");
        }

        if (content.FailedSources.Count > 0)
        {
            text.Append("Sources not collected (their controls were not evaluated)\r\n");
            foreach (var s in content.FailedSources)
            {
                text.Append($"  {s.Name}: {s.State} — {s.Reason}\r\n");
            }

            text.Append("\r\n");
        }

        if (content.ExpiringWaivers.Count > 0)
        {
            text.Append("Waivers expiring soon (their findings will count again)\r\n");
            foreach (var w in content.ExpiringWaivers)
            {
                text.Append($"  {w.Id}: {w.RuleId} on {w.ResourceId} until {w.Until.AddDays(-1):yyyy-MM-dd}, approved by {w.Approver} — {w.Reason}\r\n");
            }

            text.Append("\r\n");
        }

        if (attachmentNote is not null)
        {
            text.Append(attachmentNote).Append("\r\n");
        }

        text.Append($"Run: {content.RunId ?? "-"}\r\n");
        return text.ToString();
    }

    public static string Html(AlertContent content, string? attachmentNote)
    {
        ArgumentNullException.ThrowIfNull(content);
        static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append($"<h2>{E(content.Subject)}</h2>");
        if (content.Findings.Count > 0)
        {
            html.Append("<h3>New high/critical findings</h3><table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">")
                .Append("<tr><th>Severity</th><th>Control</th><th>Resource</th><th>Detail</th><th>Fix</th></tr>");
            foreach (var f in content.Findings)
            {
                html.Append($"<tr><td>{E(f.Severity)}</td><td>{E(f.RuleId)}</td><td>{E(f.ResourceName)}{(f.Integration is null ? "" : $"<br>{E(f.Integration)}")}</td><td>{E(f.Detail)}</td><td>{E(f.Remediation)}</td></tr>");
            }

            html.Append("</table>");
        }

        if (content.ExpiringCredentials.Count > 0)
        {
            html.Append("<h3>Credentials expiring within the warning window</h3><ul>");
            foreach (var c in content.ExpiringCredentials)
            {
                html.Append($"<li>{E(c.AppName ?? c.AppId)}: {E(c.Type)} {E(c.DisplayName ?? c.KeyId)} ends {E(c.EndDateTime)}</li>");
            }

            html.Append("</ul>");
        }

        if (content.FailedSources.Count > 0)
        {
            html.Append("<h3>Sources not collected</h3><ul>");
            foreach (var s in content.FailedSources)
            {
                html.Append($"<li>{E(s.Name)}: {E(s.State)} — {E(s.Reason)}</li>");
            }

            html.Append("</ul>");
        }

        if (content.ExpiringWaivers.Count > 0)
        {
            html.Append("<h3>Waivers expiring soon</h3><ul>");
            foreach (var w in content.ExpiringWaivers)
            {
                html.Append($"<li>{E(w.Id)}: {E(w.RuleId)} on {E(w.ResourceId)} until {w.Until.AddDays(-1):yyyy-MM-dd}, approved by {E(w.Approver)} — {E(w.Reason)}</li>");
            }

            html.Append("</ul>");
        }

        if (attachmentNote is not null)
        {
            html.Append($"<p>{E(attachmentNote)}</p>");
        }

        html.Append($"<p style=\"color:#666\">Run {E(content.RunId ?? "-")}</p></body></html>");
        return html.ToString();
    }
}
