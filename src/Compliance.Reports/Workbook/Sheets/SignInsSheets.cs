using Compliance.Rules.Evidence;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>
/// Sign-ins as two sheets: "SignIns" with daily aggregates per app and result (every row counted), and
/// "SignIns raw" with the rows themselves up to the sheet limit. Both stream, so a million sign-ins cost
/// the aggregate dictionary and nothing more.
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

        var groups = new Dictionary<(DateTime Day, string AppId, int Code), (long Count, string? Reason, HashSet<string> Ips)>();
        foreach (var s in evidence.SignIns)
        {
            var key = (s.CreatedDateTime.UtcDateTime.Date, s.AppId, s.ErrorCode);
            if (!groups.TryGetValue(key, out var g))
            {
                g = (0, s.FailureReason, new HashSet<string>(StringComparer.Ordinal));
            }

            if (s.IpAddress is { } ip)
            {
                g.Ips.Add(ip);
            }

            groups[key] = (g.Count + 1, g.Reason ?? s.FailureReason, g.Ips);
        }

        var ordered = groups.OrderBy(g => g.Key.Day).ThenBy(g => g.Key.AppId, StringComparer.Ordinal).ThenBy(g => g.Key.Code).ToList();
        sheet.Stream(ordered.Select(g => new[]
        {
            SheetValue.Day(new DateTimeOffset(g.Key.Day, TimeSpan.Zero), context.Styles.Day),
            SheetValue.Text(g.Key.AppId),
            SheetValue.Text(context.AppName(g.Key.AppId)),
            SheetValue.Text(g.Key.Code == 0 ? "success" : "failure", g.Key.Code == 0 ? null : context.Styles.Notice),
            SheetValue.Number(g.Key.Code),
            SheetValue.Text(g.Key.Code == 0 ? null : g.Value.Reason),
            SheetValue.Number(g.Value.Count),
            SheetValue.Number(g.Value.Ips.Count),
        }), ordered.Count);
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
