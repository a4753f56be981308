using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace Compliance.Reports.Workbook;

/// <summary>
/// A cell plus the number of characters it displays. SpreadCheetah cannot auto-fit columns, so the
/// width is measured here from what Excel will show.
/// </summary>
internal readonly record struct SheetValue(Cell Cell, int DisplayLength)
{
    /// <summary>Excel shows dates formatted as yyyy-mm-dd hh:mm.</summary>
    private const int DateLength = 16;

    /// <summary>SpreadCheetah's limit for a HYPERLINK formula's text argument (Excel's 255-character string literal).</summary>
    private const int MaxFormulaText = 255;

    public static SheetValue Text(string? text, StyleId? style = null)
    {
        var shown = text is null ? null : TextLimit.Clip(text, TextLimit.ExcelCell);
        return new(style is null ? new Cell(shown) : new Cell(shown, style), shown?.Length ?? 0);
    }

    public static SheetValue Number(long value) =>
        new(new Cell(value), value.ToString(CultureInfo.InvariantCulture).Length);

    public static SheetValue Number(double? value, StyleId style) =>
        new(new Cell(value, style), value?.ToString("0.0", CultureInfo.InvariantCulture).Length ?? 0);

    /// <summary>
    /// An Excel HYPERLINK formula with its display text cached, so readers that do not calculate still
    /// show the text. SpreadCheetah limits both to 255 characters; the portal links are far shorter, the display text
    /// (an app's name) is cut to fit.
    /// </summary>
    public static SheetValue Link(Uri target, string text, StyleId style)
    {
        var shown = TextLimit.Clip(text, MaxFormulaText);
        return new(new Cell(Formula.Hyperlink(target, shown), shown, style), shown.Length);
    }

    public static SheetValue Day(DateTimeOffset value, StyleId dayStyle) =>
        new(new Cell(value.UtcDateTime.Date, dayStyle), 10);

    /// <summary>A real Excel date (a serial number with a date format), in UTC: Excel has no offsets.</summary>
    public static SheetValue Date(DateTimeOffset? value, StyleId dateStyle) =>
        value is { } date ? new(new Cell(date.UtcDateTime, dateStyle), DateLength) : Text(null);
}
