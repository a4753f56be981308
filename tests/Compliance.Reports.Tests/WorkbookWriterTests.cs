using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Compliance.Reports.Tests;

public class WorkbookWriterTests
{
    private static readonly string[] SheetNames = ["Summary", "Controls", "Findings", "Applications", "Credentials", "Permissions", "Sources"];

    private static async Task<MemoryStream> RenderAsync()
    {
        var stream = new MemoryStream();
        await new ReviewWorkbookWriter().WriteAsync(SampleReview.Create(), stream, CancellationToken.None);
        stream.Position = 0;
        return stream;
    }

    private static Worksheet Sheet(SpreadsheetDocument doc, string name)
    {
        var workbook = doc.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    private static string CellText(SpreadsheetDocument doc, Cell cell)
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
        Assert.Equal(review.Evaluation.Findings.Count, DataRows("Findings"));
        var appIds = evidence.Applications.Select(a => a.AppId).Union(evidence.ServicePrincipals.Select(s => s.AppId)).Count();
        Assert.Equal(appIds, DataRows("Applications"));
        Assert.Equal(evidence.Applications.Sum(a => a.Credentials.Count) + evidence.ServicePrincipals.Sum(s => s.Credentials.Count), DataRows("Credentials"));
        Assert.Equal(evidence.AppRoleGrants.Count, DataRows("Permissions"));
        Assert.Equal(evidence.Sources.Count, DataRows("Sources"));
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
            var lastColumn = (char)('A' + columns - 1);
            Assert.Equal($"A1:{lastColumn}{rows.Count}", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);

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
