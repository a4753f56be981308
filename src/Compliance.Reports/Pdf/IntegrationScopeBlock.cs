using Compliance.Reports.Facts;
using Compliance.Rules.Evidence;
using Compliance.Rules.Review;

namespace Compliance.Reports.Pdf;

/// <summary>
/// Which mailboxes the app can send as, and why each one. An Entra Mail.Send grant and an Exchange RBAC
/// assignment add up — the reason column is what shows a reviewer which of the two opened a mailbox.
/// </summary>
internal static class IntegrationScopeBlock
{
    /// <summary>Beyond this the PDF refers to the workbook's Scope sheet; a scope of the whole tenant is thousands of rows.</summary>
    private const int MaxMailboxes = 40;

    private static readonly string[] ScopeSources =
        [EvidenceSources.AppRoleGrants, EvidenceSources.AccessPolicies, EvidenceSources.ExchangeRbac, EvidenceSources.Mailboxes];

    public static void Render(LayoutCursor cursor, ReviewDocument document, IntegrationFacts integration)
    {
        var theme = cursor.Theme;
        cursor.SubHeading("Effective send-as scope");
        var notices = ScopeSources.Select(s => SourceNotice.Missing(document.Evidence, s)).OfType<string>().ToList();
        foreach (var notice in notices)
        {
            cursor.Alert(notice);
        }

        var scope = integration.Scope;
        if (scope is null)
        {
            // "No path" is only a finding when every source that could open one was read.
            var unknown = document.Evaluation.Scopes.Count == 0 || notices.Count > 0;
            var text = unknown
                ? "The effective send-as scope of this app could not be established from this run's evidence, so which mailboxes it can send as is unknown."
                : "No send-as path was found: the app holds no Mail.Send grant, RBAC assignment or full-access permission.";
            cursor.Paragraph(text, theme.Body, unknown ? theme.Alert : theme.Text);
            return;
        }

        if (scope.Unrestricted)
        {
            cursor.Alert("Unrestricted: the app can send as every mailbox in the tenant.");
        }
        else
        {
            cursor.Paragraph($"The app can send as {ReportFormat.Plural(scope.Mailboxes.Count, "mailbox", "mailboxes")}.", theme.Body, theme.Text);
        }

        foreach (var problem in scope.Problems)
        {
            cursor.Alert("Could not be resolved: " + problem);
        }

        if (scope.Mailboxes.Count == 0)
        {
            return;
        }

        cursor.Advance(3);
        new PdfTable([new("Mailbox", 2.2), new("Reason", 5)]).Render(cursor, scope.Mailboxes.Take(MaxMailboxes)
            .Select(m => (IReadOnlyList<TableCell>)[m.MailboxAddress, ScopeText.Reasons(m)]));
        if (scope.Mailboxes.Count > MaxMailboxes)
        {
            cursor.Paragraph($"… and {ReportFormat.Number(scope.Mailboxes.Count - MaxMailboxes)} more; the workbook's Scope sheet lists every mailbox with its reasons.",
                theme.Body, theme.Muted);
        }
    }
}
