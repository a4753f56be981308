using Compliance.Rules.Evidence;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>Send / SendAs / SendOnBehalf audit records: which app sent from which mailbox.</summary>
internal static class MailboxAuditSheet
{
    public const string Name = "MailboxAudit";

    public static SheetTable Build(WorkbookContext context)
    {
        var evidence = context.Document.Evidence;
        var sheet = new SheetTable(Name, ["Time (UTC)", "Operation", "Mailbox", "App id", "App", "User id", "Id"]);
        if (context.NoteMissing(sheet, EvidenceSources.MailboxAudit))
        {
            return sheet;
        }

        var count = context.Limit(sheet, evidence.MailboxAudit.Count, Name);
        sheet.Stream(evidence.MailboxAudit.Take(count).Select(a => new[]
        {
            SheetValue.Date(a.CreatedDateTime, context.Styles.Date),
            SheetValue.Text(a.Operation),
            SheetValue.Text(a.MailboxAddress),
            SheetValue.Text(a.AppId),
            SheetValue.Text(context.AppName(a.AppId)),
            SheetValue.Text(a.UserId),
            SheetValue.Text(a.Id),
        }), count);
        return sheet;
    }
}
