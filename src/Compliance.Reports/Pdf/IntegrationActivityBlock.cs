using System.Globalization;
using Compliance.Reports.Facts;
using Compliance.Rules.Evidence;

namespace Compliance.Reports.Pdf;

/// <summary>
/// Sign-in health and mail volume per sender, as aggregates: a large tenant has a million sign-ins, and
/// the reviewer needs the rates, the failure codes and the senders, not the rows (those are in the workbook).
/// </summary>
internal static class IntegrationActivityBlock
{
    private const int MaxFailureCodes = 5;

    private static readonly TableColumn[] SenderColumns =
    [
        new("Sender", 2.6), new("Messages", 0.9), new("Delivered", 0.9), new("Failed", 0.8), new("Other", 0.8), new("Delivery rate", 1.0),
    ];

    public static void Render(LayoutCursor cursor, EvidenceSnapshot evidence, IntegrationFacts integration, ActivityIndex activity)
    {
        SignInHealth(cursor, evidence, integration, activity);
        MailVolume(cursor, evidence, integration, activity);
    }

    private static void SignInHealth(LayoutCursor cursor, EvidenceSnapshot evidence, IntegrationFacts integration, ActivityIndex activity)
    {
        var theme = cursor.Theme;
        cursor.SubHeading("Sign-in health");
        var notice = SourceNotice.Missing(evidence, EvidenceSources.SignIns);
        if (notice is not null)
        {
            cursor.Alert(notice);
        }

        if (!SourceNotice.HasData(evidence, EvidenceSources.SignIns))
        {
            return;
        }

        var stats = activity.SignIns(integration.AppId);
        if (stats is null)
        {
            cursor.Paragraph($"No sign-ins by this app in the window{Window(evidence)}.", theme.Body, theme.Text);
            return;
        }

        IReadOnlyList<TableCell>[] rows =
        [
            ["Sign-ins", ReportFormat.Number(stats.Total)],
            ["Failed", $"{ReportFormat.Number(stats.Failures)} ({ReportFormat.Percent(stats.FailureRate)})"],
            ["Distinct IP addresses", ReportFormat.Number(stats.IpAddresses.Count)],
            ["First / last", $"{ReportFormat.Date(stats.First!.Value)} / {ReportFormat.Date(stats.Last!.Value)}"],
        ];
        new PdfTable([new("Measure", 1.6), new("Value", 5)]).Render(cursor, rows);
        if (stats.FailureCodes.Count > 0)
        {
            var codes = stats.FailureCodes.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key).Take(MaxFailureCodes)
                .Select(c => (IReadOnlyList<TableCell>)[c.Key.ToString(CultureInfo.InvariantCulture), ReportFormat.Number(c.Value.Count), c.Value.Reason ?? string.Empty]);
            new PdfTable([new("Error code", 0.9), new("Count", 0.7), new("Failure reason", 5)]).Render(cursor, codes);
        }
    }

    private static void MailVolume(LayoutCursor cursor, EvidenceSnapshot evidence, IntegrationFacts integration, ActivityIndex activity)
    {
        var theme = cursor.Theme;
        cursor.SubHeading("Mail volume and delivery by sender");
        var notice = SourceNotice.Missing(evidence, EvidenceSources.MessageTrace);
        if (notice is not null)
        {
            cursor.Alert(notice);
        }

        var senders = integration.Senders(activity);
        if (senders.Count == 0)
        {
            cursor.Paragraph("No approved senders are registered and the mailbox audit shows no mailbox this app sent from.", theme.Body, theme.Text);
            return;
        }

        if (!SourceNotice.HasData(evidence, EvidenceSources.MessageTrace))
        {
            cursor.Paragraph("Senders: " + string.Join(", ", senders), theme.Body, theme.Text);
            return;
        }

        cursor.Paragraph("Senders are the register's approved senders plus every mailbox the audit log saw this app send from.", theme.Small, theme.Muted);
        new PdfTable(SenderColumns).Render(cursor, senders.Select(s => activity.Sender(s) is { } m
            ? (IReadOnlyList<TableCell>)
                [s, ReportFormat.Number(m.Messages), ReportFormat.Number(m.Delivered), ReportFormat.Number(m.Failed), ReportFormat.Number(m.Other), ReportFormat.Percent(m.DeliveryRate)]
            : [s, "0", "0", "0", "0", "–"]));
    }

    private static string Window(EvidenceSnapshot evidence) =>
        evidence.WindowStart is { } start ? $" {ReportFormat.Day(start)} to {ReportFormat.Day(evidence.AsOf)}" : string.Empty;
}
