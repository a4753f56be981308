using Compliance.Reports.Facts;
using Compliance.Rules.Evidence;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>App × mailbox × reason: one row per reason a mailbox is in an app's send-as set, then unresolved problems.</summary>
internal static class ScopeSheet
{
    public const string Name = "Scope";

    public static SheetTable Build(WorkbookContext context)
    {
        var evaluation = context.Document.Evaluation;
        var sheet = new SheetTable(Name, ["App id", "App", "Integration", "Unrestricted", "Mailbox", "Mailbox user id", "Path", "Reason"]);
        foreach (var source in new[] { EvidenceSources.AppRoleGrants, EvidenceSources.AccessPolicies, EvidenceSources.ExchangeRbac, EvidenceSources.Mailboxes })
        {
            context.NoteMissing(sheet, source);
        }

        if (evaluation.Scopes.Count == 0)
        {
            sheet.Note("The effective send-as scope was not computed in this run: no row here does not mean no app can send mail.", context.Styles.Notice);
            return sheet;
        }

        // Entries are produced as they are read (an unrestricted app's scope is every mailbox of the tenant): counting
        // them walks them once without keeping any. A large tenant has millions of app × mailbox pairs, beyond Excel's
        // 1,048,576 rows a sheet: entry rows are cut, the unresolved problems are always shown after them.
        var entryRows = evaluation.Scopes.Sum(s => s.Mailboxes.Sum(m => (long)m.Reasons.Count));
        var problemRows = evaluation.Scopes.Sum(s => s.Problems.Count);
        var shown = context.Limit(sheet, entryRows + problemRows, Name,
            "Every app's count of mailboxes in scope is on the Integrations sheet; the unresolved problems are all listed.");
        var rows = evaluation.Scopes.SelectMany(s => s.Mailboxes.SelectMany(m => m.Reasons.Select(r => (Scope: s, Mailbox: m, Reason: r))))
            .Take(Math.Max(0, shown - problemRows));
        sheet.Stream(
            rows.Select(x => new[]
            {
                SheetValue.Text(x.Scope.AppId),
                SheetValue.Text(x.Scope.AppDisplayName),
                SheetValue.Text(context.Document.Evidence.IntegrationFor(x.Scope.AppId)?.Name),
                SheetValue.Text(x.Scope.Unrestricted ? "yes" : "no", x.Scope.Unrestricted ? context.Styles.Notice : null),
                SheetValue.Text(x.Mailbox.MailboxAddress),
                SheetValue.Text(x.Mailbox.MailboxUserId),
                SheetValue.Text(ScopeText.Of(x.Reason.Path)),
                SheetValue.Text(x.Reason.Description),
            }).Concat(evaluation.Scopes.SelectMany(s => s.Problems.Select(p => new[]
            {
                SheetValue.Text(s.AppId),
                SheetValue.Text(s.AppDisplayName),
                SheetValue.Text(context.Document.Evidence.IntegrationFor(s.AppId)?.Name),
                SheetValue.Text(s.Unrestricted ? "yes" : "no"),
                SheetValue.Text("(unresolved)", context.Styles.Notice),
                SheetValue.Text(null),
                SheetValue.Text("problem"),
                SheetValue.Text(p, context.Styles.Notice),
            }))).Take(shown),
            shown);
        return sheet;
    }
}
