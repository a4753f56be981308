using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Compliance.Reports.Tests;

public class WorkbookWriterTests
{
    internal static readonly string[] SheetNames =
    [
        "Summary", "Controls", "Findings", "Integrations", "Scope", "Permissions", "Credentials", "SignIns", "SignIns raw",
        "MessageTrace", "MessageTrace raw", "MailboxAudit", "Waivers", "Completeness",
    ];

    internal static async Task<MemoryStream> RenderAsync(Compliance.Rules.Review.ReviewDocument? document = null, ReviewWorkbookWriter? writer = null)
    {
        var stream = new MemoryStream();
        await (writer ?? new ReviewWorkbookWriter()).WriteAsync(document ?? SampleReview.Create(), stream, CancellationToken.None);
        stream.Position = 0;
        return stream;
    }

    internal static List<Row> Rows(SpreadsheetDocument doc, string name) => [.. Sheet(doc, name).GetFirstChild<SheetData>()!.Elements<Row>()];

    internal static List<string> RowText(SpreadsheetDocument doc, Row row) => [.. row.Elements<Cell>().Select(c => CellText(doc, c))];

    internal static Worksheet Sheet(SpreadsheetDocument doc, string name)
    {
        var workbook = doc.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    internal static string CellText(SpreadsheetDocument doc, Cell cell)
    {
        var value = cell.CellValue?.Text ?? cell.InlineString?.Text?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return doc.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).InnerText;
        }

        return cell.InlineString?.InnerText ?? value;
    }

    [Fact]
    public async Task Has_the_sheets_in_order_and_validates()
    {
        using var stream = await RenderAsync();
        using var doc = SpreadsheetDocument.Open(stream, false);

        Assert.Equal(SheetNames, doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Row_counts_match_the_model()
    {
        var review = SampleReview.Create();
        using var stream = await RenderAsync();
        using var doc = SpreadsheetDocument.Open(stream, false);
        var evidence = review.Evidence;

        int DataRows(string name) => Sheet(doc, name).GetFirstChild<SheetData>()!.Elements<Row>().Count() - 1;

        Assert.Equal(review.Evaluation.Controls.Count, DataRows("Controls"));
        Assert.Equal(review.Evaluation.Findings.Count + review.ResolvedFindings.Count, DataRows("Findings"));
        // Register entries plus the one mail-capable app missing from the register.
        Assert.Equal(evidence.Integrations.Count + 1, DataRows("Integrations"));
        // One note row: sign-ins were not collected, so last use is unknown.
        Assert.Equal(evidence.Applications.Sum(a => a.Credentials.Count) + evidence.ServicePrincipals.Sum(s => s.Credentials.Count) + 1, DataRows("Credentials"));
        // Notes: delegated grants and Exchange RBAC were not part of the evidence.
        Assert.Equal(evidence.AppRoleGrants.Count + 2, DataRows("Permissions"));
        Assert.Equal(evidence.Sources.Count, DataRows("Completeness"));
        Assert.Equal(evidence.MessageTrace.Count, DataRows("MessageTrace raw"));
        Assert.Equal(evidence.MailboxAudit.Count, DataRows("MailboxAudit"));
        Assert.Equal(review.Waivers.Count, DataRows("Waivers"));
        var scopeRows = review.Evaluation.Scopes.Sum(s => s.Mailboxes.Sum(m => m.Reasons.Count) + s.Problems.Count);
        Assert.Equal(scopeRows + 2, DataRows("Scope")); // + notes: exchangeRbac and mailboxes not collected
    }

    [Fact]
    public async Task Every_sheet_has_bold_frozen_header_and_autofilter()
    {
        using var stream = await RenderAsync();
        using var doc = SpreadsheetDocument.Open(stream, false);
        var stylesheet = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

        foreach (var name in SheetNames)
        {
            var sheet = Sheet(doc, name);
            var pane = sheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1d, pane.VerticalSplit!.Value);

            var rows = sheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            var columns = rows[0].Elements<Cell>().Count();
            var lastColumn = SheetLetters(columns);
            // Note rows (one cell) come after the data and stay outside the filter range.
            var dataRows = rows.TakeWhile(r => r.Elements<Cell>().Count() == columns).Count();
            Assert.Equal($"A1:{lastColumn}{dataRows}", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);

            var headerFormat = (CellFormat)stylesheet.CellFormats!.ElementAt((int)rows[0].Elements<Cell>().First().StyleIndex!.Value);
            var font = (Font)stylesheet.Fonts!.ElementAt((int)headerFormat.FontId!.Value);
            Assert.NotNull(font.Bold);

            var widths = sheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();
            Assert.Equal(columns, widths.Count);
            Assert.All(widths, w => Assert.InRange(w, 8, 80));
        }

        var findingsHeader = Sheet(doc, "Findings").GetFirstChild<SheetData>()!.Elements<Row>().First();
        Assert.Equal("Severity", CellText(doc, findingsHeader.Elements<Cell>().First()));
    }

    private static string SheetLetters(int columns) => columns <= 26 ? ((char)('A' + columns - 1)).ToString() : "A" + (char)('A' + columns - 27);

    [Fact]
    public async Task Credential_end_is_a_real_date_and_days_to_expiry_uses_as_of()
    {
        using var stream = await RenderAsync();
        using var doc = SpreadsheetDocument.Open(stream, false);
        var stylesheet = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var rows = Sheet(doc, "Credentials").GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(c => CellText(doc, c)).ToList();
        var first = rows[1].Elements<Cell>().ToList();

        var end = first[header.IndexOf("End (UTC)")];
        Assert.True(end.DataType is null || end.DataType.Value == CellValues.Number);
        var serial = double.Parse(end.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(SampleReview.AsOf.AddDays(65).UtcDateTime, DateTime.FromOADate(serial), TimeSpan.FromSeconds(1));

        var format = (CellFormat)stylesheet.CellFormats!.ElementAt((int)end.StyleIndex!.Value);
        var code = stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value;
        Assert.Contains("yyyy", code, StringComparison.Ordinal);

        var days = first[header.IndexOf("Days to expiry")];
        Assert.Equal("65", days.CellValue!.Text);
    }

    [Fact]
    public async Task Same_document_gives_identical_bytes_with_the_run_date_as_created()
    {
        using var first = await RenderAsync();
        using var second = await RenderAsync();
        Assert.Equal(first.ToArray(), second.ToArray());

        using var doc = SpreadsheetDocument.Open(first, false);
        Assert.Equal(SampleReview.AsOf.AddMinutes(7).UtcDateTime, doc.PackageProperties.Created);
        Assert.Equal("Compliance", doc.PackageProperties.Creator);
    }
}
