using Compliance.Reports.Facts;
using Compliance.Rules.Review;

namespace Compliance.Reports.Workbook;

/// <summary>What every sheet builder needs: the model, the styles, the shared aggregates and the row limit.</summary>
internal sealed record WorkbookContext(
    ReviewDocument Document,
    WorkbookStyles Styles,
    ActivityIndex Activity,
    IReadOnlyList<IntegrationFacts> Integrations,
    int MaxDataRows)
{
    // Activity rows name the app by id only; resolved once here, not once per row.
    private readonly Dictionary<string, string> _appNames = Document.Evidence.ServicePrincipals
        .Select(s => (s.AppId, s.DisplayName))
        .Concat(Document.Evidence.Applications.Select(a => (a.AppId, a.DisplayName)))
        .DistinctBy(x => x.AppId, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(x => x.AppId, x => x.DisplayName, StringComparer.OrdinalIgnoreCase);

    public string? AppName(string? appId) => appId is not null && _appNames.TryGetValue(appId, out var name) ? name : null;

    /// <summary>
    /// Marks a sheet whose source is missing so an empty sheet never reads as "nothing found". Returns true
    /// when there are no rows to show at all (not collected); a partial source shows its rows and the note.
    /// </summary>
    public bool NoteMissing(SheetTable sheet, string source)
    {
        if (SourceNotice.Missing(Document.Evidence, source) is not { } notice)
        {
            return false;
        }

        sheet.Note(notice, Styles.Notice);
        return !SourceNotice.HasData(Document.Evidence, source);
    }

    /// <summary>Where a cut activity sheet's other rows are: its daily aggregates and the stored raw pages.</summary>
    public const string ActivityRest = "The daily aggregates cover every row; the raw evidence pages hold the rest.";

    /// <summary>
    /// Rows beyond the sheet limit are cut, and the last row says how many were left out and <paramref name="rest"/>
    /// (where they are). Notes the sheet already has (a partial source) take rows below the data too, so they leave
    /// room: header, data and notes together never pass Excel's 1,048,576 rows.
    /// </summary>
    public int Limit(SheetTable sheet, long total, string rawSheet, string rest = ActivityRest)
    {
        var room = MaxDataRows + 1 - sheet.Notes.Count;
        if (total <= room)
        {
            return (int)total;
        }

        var shown = room - 1;
        sheet.Note(
            $"Truncated: {rawSheet} shows the first {ReportFormat.Number(shown)} of {ReportFormat.Number(total)} rows (the sheet limit). {rest}",
            Styles.Notice);
        return shown;
    }
}
