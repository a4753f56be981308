using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Compliance.Reports.Workbook;

/// <summary>
/// One worksheet as a header plus rows. Rows are buffered so the column widths can be computed from
/// the content before SpreadCheetah (which streams and cannot go back) writes the sheet.
/// </summary>
internal sealed class SheetTable(string name, IReadOnlyList<string> headers)
{
    private const double MinWidth = 8;
    private const double MaxWidth = 80;
    private readonly List<SheetValue[]> _rows = [];

    public string Name { get; } = name;

    public void Add(params SheetValue[] row)
    {
        if (row.Length != headers.Count)
        {
            throw new ArgumentException($"Sheet '{Name}' has {headers.Count} columns, row has {row.Length}.", nameof(row));
        }

        _rows.Add(row);
    }

    public async Task WriteAsync(Spreadsheet spreadsheet, StyleId headerStyle, CancellationToken ct)
    {
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var column = 0; column < headers.Count; column++)
        {
            // Header text is bold, so it gets a little more room than its character count.
            var longest = Math.Max(headers[column].Length * 1.15, _rows.Count == 0 ? 0 : _rows.Max(r => r[column].DisplayLength));
            options.Column(column + 1).Width = Math.Clamp(longest + 2, MinWidth, MaxWidth);
        }

        options.AutoFilter = new AutoFilterOptions($"A1:{ColumnLetters(headers.Count)}{(_rows.Count + 1).ToString(CultureInfo.InvariantCulture)}");

        await spreadsheet.StartWorksheetAsync(Name, options, ct);
        await spreadsheet.AddHeaderRowAsync([.. headers], headerStyle, ct);
        foreach (var row in _rows)
        {
            await spreadsheet.AddRowAsync([.. row.Select(v => v.Cell)], ct);
        }
    }

    /// <summary>1 → A, 26 → Z, 27 → AA.</summary>
    internal static string ColumnLetters(int column)
    {
        var letters = string.Empty;
        while (column > 0)
        {
            var remainder = (column - 1) % 26;
            letters = (char)('A' + remainder) + letters;
            column = (column - 1) / 26;
        }

        return letters;
    }
}
