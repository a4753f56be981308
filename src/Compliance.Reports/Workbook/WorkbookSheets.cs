using Compliance.Reports.Workbook.Sheets;

namespace Compliance.Reports.Workbook;

/// <summary>The workbook's sheets in the order a reviewer reads them. Summary is built last (it repeats the other sheets' notes) and written first.</summary>
internal static class WorkbookSheets
{
    public static IReadOnlyList<SheetTable> Build(WorkbookContext context)
    {
        List<SheetTable> rest =
        [
            ControlsSheet.Build(context),
            FindingsSheet.Build(context),
            IntegrationsSheet.Build(context),
            ScopeSheet.Build(context),
            PermissionsSheet.Build(context),
            CredentialsSheet.Build(context),
            SignInsSheets.BuildDaily(context),
            SignInsSheets.BuildRaw(context),
            MessageTraceSheets.BuildDaily(context),
            MessageTraceSheets.BuildRaw(context),
            MailboxAuditSheet.Build(context),
            WaiversSheet.Build(context),
            CompletenessSheet.Build(context),
        ];
        return [SummarySheet.Build(context, rest), .. rest];
    }
}
