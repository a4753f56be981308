using Compliance.Rules.Evidence;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>
/// Sign-ins as two sheets: "SignIns" with daily aggregates per app and result (every row counted), and
/// "SignIns raw" with the rows themselves up to the sheet limit. Both stream the sign-ins as they are read (from the
/// store, in a review), so a million sign-ins cost one day's groups (SignInDays) and nothing more.
/// </summary>
internal static class SignInsSheets
{
    public const string Daily = "SignIns";
    public const string Raw = "SignIns raw";

    public static SheetTable BuildDaily(WorkbookContext context)
    {
        var evidence = context.Document.Evidence;
        var sheet = new SheetTable(Daily, ["Day (UTC)", "App id", "App", "Result", "Error code", "Failure reason", "Sign-ins", "Distinct IPs"]);
        if (context.NoteMissing(sheet, EvidenceSources.SignIns))
        {
            return sheet;
        }

        var days = new SignInDays(evidence.SignIns);
        sheet.Stream(days.Groups().Select(g => new[]
        {
            SheetValue.Day(new DateTimeOffset(g.Day, TimeSpan.Zero), context.Styles.Day),
            SheetValue.Text(g.AppId),
            SheetValue.Text(context.AppName(g.AppId)),
            SheetValue.Text(g.ErrorCode == 0 ? "success" : "failure", g.ErrorCode == 0 ? null : context.Styles.Notice),
            SheetValue.Number(g.ErrorCode),
            SheetValue.Text(g.ErrorCode == 0 ? null : g.FailureReason),
            SheetValue.Number(g.SignIns),
            SheetValue.Number(g.DistinctIps),
        }), context.Activity.DailyGroups.Count);
        return sheet;
    }

    public static SheetTable BuildRaw(WorkbookContext context)
    {
        var evidence = context.Document.Evidence;
        var styles = context.Styles;
        var sheet = new SheetTable(Raw,
            ["Time (UTC)", "App id", "App", "IP address", "Error code", "Failure reason", "Credential type", "Credential key id", "Resource", "Id"]);
        if (context.NoteMissing(sheet, EvidenceSources.SignIns))
        {
            return sheet;
        }

        var count = context.Limit(sheet, evidence.SignIns.Count, Raw);
        sheet.Stream(evidence.SignIns.Take(count).Select(s => new[]
        {
            SheetValue.Date(s.CreatedDateTime, styles.Date),
            SheetValue.Text(s.AppId),
            SheetValue.Text(context.AppName(s.AppId)),
            SheetValue.Text(s.IpAddress),
            SheetValue.Number(s.ErrorCode),
            SheetValue.Text(s.FailureReason),
            SheetValue.Text(s.ClientCredentialType),
            SheetValue.Text(s.CredentialKeyId),
            SheetValue.Text(s.ResourceDisplayName),
            SheetValue.Text(s.Id),
        }), count);
        return sheet;
    }
}
