using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Compliance.Reports.Workbook;

/// <summary>
/// Fills in the attestation on a published workbook's Summary sheet part as SpreadCheetah wrote it (rows numbered in
/// their r attribute, inline strings — no shared-string table). The "Attestation" row then reads "attested by … on …"
/// and four rows under it carry the attestation page's lines (AttestationSection): reviewer, date (a real date in the
/// style the writer gave the run's dates), statement and the run's chain hash. Rows below move down, the autofilter
/// range follows them and the columns widen to the new text as the writer would have sized them. The rows of an earlier
/// sign-off are replaced, so filling an attested sheet gives the same part as filling the published one.
/// </summary>
internal static partial class AttestedSummarySheet
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>What SheetValue counts for a date (Excel shows yyyy-mm-dd hh:mm).</summary>
    private const int DateLength = 16;

    public static async Task RewriteAsync(Stream from, Stream to, AttestedRun run, AttestationPage page, CancellationToken ct)
    {
        var sheet = await XDocument.LoadAsync(from, LoadOptions.None, ct);
        var root = sheet.Root ?? throw Unreadable("it is empty");
        var data = root.Element(Main + "sheetData") ?? throw Unreadable("it has no sheetData");
        var rows = data.Elements(Main + "row").ToList();
        var anchor = rows.FirstOrDefault(r => Label(r) == SummaryItems.Attestation)
            ?? throw Unreadable($"it has no \"{SummaryItems.Attestation}\" row");
        var dateStyle = rows.FirstOrDefault(r => Label(r) == SummaryItems.CompletedAt)?.Elements(Main + "c").ElementAtOrDefault(1)?.Attribute("s")?.Value
            ?? throw Unreadable($"its \"{SummaryItems.CompletedAt}\" row has no date style");

        var earlier = anchor.ElementsAfterSelf(Main + "row").TakeWhile(r => SummaryItems.SignOffRows.Contains(Label(r) ?? "")).ToList();
        earlier.Remove();
        var verdict = SummaryItems.AttestedBy(page.Reviewer, page.AttestedAt);
        var value = anchor.Elements(Main + "c").ElementAtOrDefault(1) ?? throw Unreadable($"its \"{SummaryItems.Attestation}\" row has no value");
        value.ReplaceWith(TextCell(verdict, value.Attribute("s")));
        string[] texts = [page.Reviewer, Clean(page.Statement), run.ChainHash];
        XElement[] added =
        [
            Row(TextCell(SummaryItems.Reviewer), TextCell(texts[0])),
            Row(TextCell(SummaryItems.AttestedAt), DateCell(page.AttestedAt, dateStyle)),
            Row(TextCell(SummaryItems.Statement), TextCell(texts[1])),
            Row(TextCell(SummaryItems.RunChainHash), TextCell(texts[2])),
        ];
        anchor.AddAfterSelf(added);

        var anchorRow = RowNumber(anchor);
        var shift = added.Length - earlier.Count;
        Renumber(anchor.ElementsAfterSelf(Main + "row"), anchorRow, added.Length, shift);
        ShiftAutoFilter(root, anchorRow, shift);
        Widen(root, 1, SummaryItems.SignOffRows.Max(l => l.Length));
        Widen(root, 2, Math.Max(DateLength, texts.Append(verdict).Max(t => t.Length)));

        var settings = new XmlWriterSettings
        {
            Async = true,
            Encoding = new UTF8Encoding(false),
            // A statement's carriage returns survive as &#xD; instead of being folded into line feeds.
            NewLineHandling = NewLineHandling.Entitize,
        };
        var writer = XmlWriter.Create(to, settings);
        await using (writer)
        {
            await sheet.SaveAsync(writer, ct);
        }
    }

    private static InvalidDataException Unreadable(string why) =>
        new($"the workbook's {SummaryItems.SheetName} sheet cannot take the attestation: {why}");

    /// <summary>The first cell's inline text: the item name.</summary>
    private static string? Label(XElement row) =>
        row.Element(Main + "c")?.Element(Main + "is")?.Element(Main + "t")?.Value;

    private static XElement Row(params XElement[] cells) => new(Main + "row", cells);

    private static XElement TextCell(string text, XAttribute? style = null)
    {
        var t = new XElement(Main + "t", text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            // Otherwise Excel trims the value: it applies xml:space on t ([MS-OI29500] 2.1.678, on ECMA-376 Part 1 §18.4.12).
            t.Add(new XAttribute(XNamespace.Xml + "space", "preserve"));
        }

        return new XElement(Main + "c", new XAttribute("t", "inlineStr"), style, new XElement(Main + "is", t));
    }

    /// <summary>A real Excel date: the OLE Automation serial number, in UTC (Excel has no offsets), as SheetValue.Date writes it.</summary>
    private static XElement DateCell(DateTimeOffset value, string style) =>
        new(Main + "c", new XAttribute("s", style), new XElement(Main + "v", value.UtcDateTime.ToOADate().ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The statement is the reviewer's free text: characters XML 1.0 cannot carry (control characters) become U+FFFD, and
    /// it is cut to a cell's limit as every other text of the workbook (TextLimit). The stored, hashed statement is unchanged.
    /// </summary>
    private static string Clean(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return TextLimit.Clip(safe.ToString(), TextLimit.ExcelCell);
    }

    private static int RowNumber(XElement row) =>
        int.Parse(row.Attribute("r")?.Value ?? throw Unreadable("a row has no number"), CultureInfo.InvariantCulture);

    /// <summary>The added rows follow the anchor; every row after them moves down by <paramref name="shift"/>, cell references included.</summary>
    private static void Renumber(IEnumerable<XElement> rowsAfterAnchor, int anchorRow, int addedRows, int shift)
    {
        var index = 0;
        foreach (var row in rowsAfterAnchor)
        {
            var number = index < addedRows ? anchorRow + 1 + index : RowNumber(row) + shift;
            var text = number.ToString(CultureInfo.InvariantCulture);
            row.SetAttributeValue("r", text);
            foreach (var cell in row.Elements(Main + "c").Where(c => c.Attribute("r") is not null))
            {
                cell.SetAttributeValue("r", CellReference().Match(cell.Attribute("r")!.Value).Groups["column"].Value + text);
            }

            index++;
        }
    }

    private static void ShiftAutoFilter(XElement root, int anchorRow, int shift)
    {
        var filter = root.Element(Main + "autoFilter")?.Attribute("ref");
        if (filter is null || CellRange().Match(filter.Value) is not { Success: true } range)
        {
            return;
        }

        var last = int.Parse(range.Groups["last"].Value, CultureInfo.InvariantCulture);
        if (last >= anchorRow)
        {
            filter.Value = $"{range.Groups["start"].Value}:{range.Groups["column"].Value}{(last + shift).ToString(CultureInfo.InvariantCulture)}";
        }
    }

    private static void Widen(XElement root, int column, int longest)
    {
        var col = root.Element(Main + "cols")?.Elements(Main + "col").FirstOrDefault(c =>
            (int?)c.Attribute("min") <= column && column <= (int?)c.Attribute("max"));
        if (col?.Attribute("width") is not { } width)
        {
            return;
        }

        var wanted = SheetTable.ColumnWidth(longest);
        if (wanted > double.Parse(width.Value, CultureInfo.InvariantCulture))
        {
            width.Value = wanted.ToString(CultureInfo.InvariantCulture);
        }
    }

    [GeneratedRegex(@"^(?<column>[A-Z]+)[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CellReference();

    [GeneratedRegex(@"^(?<start>[A-Z]+[0-9]+):(?<column>[A-Z]+)(?<last>[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CellRange();
}
