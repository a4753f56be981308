using Compliance.Reports.Facts;
using Compliance.Rules.Review;
using PdfSharp.Pdf;

namespace Compliance.Reports.Pdf;

/// <summary>
/// One section per integration (register entries, then mail-capable apps missing from the register), each
/// on a new page with its own bookmark under "Integrations".
/// </summary>
internal static class IntegrationSection
{
    public const string Title = "Integrations";

    private static readonly TableColumn[] FindingColumns =
    [
        new("Severity", 0.8), new("Control", 0.9), new("Status", 0.9), new("Resource", 1.5), new("Detail", 4.2),
    ];

    public static void Render(LayoutCursor cursor, ReviewDocument document, IReadOnlyList<IntegrationFacts> integrations, ActivityIndex activity)
    {
        var theme = cursor.Theme;
        cursor.NewPage(landscape: false);
        var parent = cursor.Heading(Title);
        if (integrations.Count == 0)
        {
            cursor.Paragraph(
                "The integration register is empty and no app with a send-as path was found, so there is nothing to describe per integration.",
                theme.Body, theme.Text);
            return;
        }

        cursor.Paragraph(
            $"{ReportFormat.Plural(integrations.Count, "integration")}: each registered app, then every app that can send mail but is not in the register.",
            theme.Body, theme.Muted);

        var first = true;
        foreach (var integration in integrations)
        {
            if (!first)
            {
                cursor.NewPage(landscape: false);
            }

            first = false;
            Render(cursor, document, integration, activity, parent);
        }
    }

    private static void Render(LayoutCursor cursor, ReviewDocument document, IntegrationFacts integration, ActivityIndex activity, PdfOutline parent)
    {
        cursor.Advance(6);
        cursor.Heading(integration.Name, parent);
        RegisterBlock(cursor, integration);
        IntegrationScopeBlock.Render(cursor, document, integration);
        IntegrationPermissionsBlock.Render(cursor, document.Evidence, integration);
        IntegrationCredentialsBlock.Render(cursor, document.Evidence, integration);
        IntegrationActivityBlock.Render(cursor, document.Evidence, integration, activity);
        FindingsBlock(cursor, integration);
    }

    private static void RegisterBlock(LayoutCursor cursor, IntegrationFacts integration)
    {
        cursor.SubHeading("Register");
        var r = integration.Register;
        IReadOnlyList<TableCell>[] rows = r is null
            ?
            [
                ["App", $"{integration.DisplayName} ({integration.AppId})"],
                [new TableCell("Register", ReportPalette.Red, Bold: true), new TableCell("Not in the integration register: no owner, vendor or approved change is recorded for this app.", ReportPalette.Red, Bold: true)],
            ]
            :
            [
                ["App", $"{integration.DisplayName} ({integration.AppId})"],
                ["Vendor", r.Vendor ?? "not recorded"],
                ["Owner", r.Owner ?? "not recorded"],
                ["Function", r.BusinessFunction ?? "not recorded"],
                ["Ticket", r.Ticket ?? "not recorded"],
                ["Approved senders", r.ApprovedSenders.Count == 0 ? "none recorded" : string.Join(", ", r.ApprovedSenders)],
                ["Expected credential", r.ExpectedCredentialType.ToString().ToLowerInvariant()],
                ["Allowed IP ranges", r.AllowedIpRanges.Count == 0 ? "none recorded" : string.Join(", ", r.AllowedIpRanges)],
            ];
        new PdfTable([new("Field", 1.2), new("Value", 5)]).Render(cursor, rows);
    }

    private static void FindingsBlock(LayoutCursor cursor, IntegrationFacts integration)
    {
        cursor.SubHeading("Findings");
        if (integration.Findings.Count == 0)
        {
            cursor.Paragraph("No findings for this integration in this run (see Data completeness for controls not evaluated).", cursor.Theme.Body, cursor.Theme.Text);
            return;
        }

        new PdfTable(FindingColumns).Render(cursor, integration.Findings.Select(t => (IReadOnlyList<TableCell>)
        [
            new TableCell(ContractNames.Of(t.Finding.Severity), ReportPalette.For(t.Finding.Severity)),
            t.Finding.RuleId,
            new TableCell(ContractNames.Of(t.Status), ReportPalette.For(t.Status)),
            t.Finding.ResourceName,
            t.Finding.Detail,
        ]));
    }
}
