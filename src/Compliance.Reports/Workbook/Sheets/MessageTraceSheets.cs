using Compliance.Rules.Evidence;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>Message trace as daily aggregates per sender and status ("MessageTrace") and raw rows up to the sheet limit.</summary>
internal static class MessageTraceSheets
{
    public const string Daily = "MessageTrace";
    public const string Raw = "MessageTrace raw";

    public static SheetTable BuildDaily(WorkbookContext context)
    {
        var evidence = context.Document.Evidence;
        var sheet = new SheetTable(Daily, ["Day (UTC)", "Sender", "Status", "Messages", "Bytes"]);
        if (context.NoteMissing(sheet, EvidenceSources.MessageTrace))
        {
            return sheet;
        }

        var groups = new Dictionary<(DateTime Day, string Sender, string Status), (long Count, long Bytes)>();
        foreach (var m in evidence.MessageTrace)
        {
            var key = (m.ReceivedDateTime.UtcDateTime.Date, m.SenderAddress.ToLowerInvariant(), m.Status);
            var g = groups.GetValueOrDefault(key);
            groups[key] = (g.Count + 1, g.Bytes + (m.Size ?? 0));
        }

        var ordered = groups.OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Sender, StringComparer.Ordinal).ThenBy(g => g.Key.Status, StringComparer.Ordinal).ToList();
        sheet.Stream(ordered.Select(g => new[]
        {
            SheetValue.Day(new DateTimeOffset(g.Key.Day, TimeSpan.Zero), context.Styles.Day),
            SheetValue.Text(g.Key.Sender),
            SheetValue.Text(g.Key.Status, g.Key.Status == "delivered" ? null : context.Styles.Notice),
            SheetValue.Number(g.Value.Count),
            SheetValue.Number(g.Value.Bytes),
        }), ordered.Count);
        return sheet;
    }

    public static SheetTable BuildRaw(WorkbookContext context)
    {
        var evidence = context.Document.Evidence;
        var sheet = new SheetTable(Raw, ["Received (UTC)", "Sender", "Recipient", "Status", "Subject", "Size", "Id"]);
        if (context.NoteMissing(sheet, EvidenceSources.MessageTrace))
        {
            return sheet;
        }

        var count = context.Limit(sheet, evidence.MessageTrace.Count, Raw);
        sheet.Stream(evidence.MessageTrace.Take(count).Select(m => new[]
        {
            SheetValue.Date(m.ReceivedDateTime, context.Styles.Date),
            SheetValue.Text(m.SenderAddress),
            SheetValue.Text(m.RecipientAddress),
            SheetValue.Text(m.Status),
            SheetValue.Text(m.Subject),
            m.Size is { } size ? SheetValue.Number(size) : SheetValue.Text(null),
            SheetValue.Text(m.Id),
        }), count);
        return sheet;
    }
}
