using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Compliance.Reports.Workbook;

/// <summary>
/// One worksheet: a header and rows. Small sheets buffer their rows (<see cref="Add"/>); activity sheets
/// stream them (<see cref="Stream"/>) so a million sign-ins never sit in memory as cells. SpreadCheetah
/// cannot go back, so the column widths are measured from the first <see cref="WidthSample"/> rows and the
/// autofilter range from the row count known up front.
/// </summary>
internal sealed class SheetTable(string name, IReadOnlyList<string> headers)
{
    /// <summary>Rows measured for column widths; later rows rarely differ in shape (ids, dates, codes).</summary>
    private const int WidthSample = 1000;
    private const double MinWidth = 8;
    private const double MaxWidth = 80;

    private readonly List<SheetValue[]> _rows = [];
    private IEnumerable<SheetValue[]>? _stream;
    private int _streamCount;
    private readonly List<(string Text, StyleId Style)> _notes = [];

    public string Name { get; } = name;

    public IReadOnlyList<string> Headers { get; } = headers;

    public void Add(params SheetValue[] row)
    {
        if (row.Length != Headers.Count)
        {
            throw new ArgumentException($"Sheet '{Name}' has {Headers.Count} columns, row has {row.Length}.", nameof(row));
        }

        _rows.Add(row);
    }

    /// <summary>Rows produced while the sheet is written; <paramref name="count"/> must be exactly how many.</summary>
    public void Stream(IEnumerable<SheetValue[]> rows, int count)
    {
        _stream = rows;
        _streamCount = count;
    }

    /// <summary>
    /// A last row in the first column that the reader must see: the source was not collected, or the
    /// rows were cut at the sheet limit. Kept outside the autofilter range so filtering never hides it.
    /// </summary>
    public void Note(string text, StyleId style) => _notes.Add((text, style));

    public IReadOnlyList<string> Notes => [.. _notes.Select(n => n.Text)];

    public async Task WriteAsync(Spreadsheet spreadsheet, StyleId headerStyle, CancellationToken ct)
    {
        var count = _stream is null ? _rows.Count : _streamCount;
        var options = new WorksheetOptions { FrozenRows = 1 };
        var sample = (_stream ?? _rows).Take(WidthSample).ToList();
        for (var column = 0; column < Headers.Count; column++)
        {
            // Header text is bold, so it gets a little more room than its character count.
            var longest = Math.Max(Headers[column].Length * 1.15, sample.Count == 0 ? 0 : sample.Max(r => r[column].DisplayLength));
            options.Column(column + 1).Width = ColumnWidth(longest);
        }

        options.AutoFilter = new AutoFilterOptions($"A1:{ColumnLetters(Headers.Count)}{(count + 1).ToString(CultureInfo.InvariantCulture)}");

        await spreadsheet.StartWorksheetAsync(Name, options, ct);
        await spreadsheet.AddHeaderRowAsync([.. Headers], headerStyle, ct);
        var written = 0;
        var cells = new Cell[Headers.Count];
        foreach (var row in _stream ?? _rows)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].Cell;
            }

            await spreadsheet.AddRowAsync(cells, ct);
            written++;
        }

        if (written != count)
        {
            throw new InvalidOperationException($"Sheet '{Name}' announced {count} rows and produced {written}.");
        }

        foreach (var (text, style) in _notes)
        {
            await spreadsheet.AddRowAsync([new Cell(text, style)], ct);
        }
    }

    /// <summary>The width of a column whose longest value shows <paramref name="longest"/> characters.</summary>
    internal static double ColumnWidth(double longest) => Math.Clamp(longest + 2, MinWidth, MaxWidth);

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
