using PdfSharp.Drawing;

namespace Compliance.Reports.Pdf;

/// <summary>
/// Draws a table with wrapped cells. Rows are never split: a row that does not fit moves to a new
/// page, and the header row is drawn again at the top of every page the table occupies.
/// </summary>
internal sealed class PdfTable(IReadOnlyList<TableColumn> columns)
{
    public void Render(LayoutCursor cursor, IEnumerable<IReadOnlyList<TableCell>> rows)
    {
        var theme = cursor.Theme;
        var widths = ColumnWidths(cursor.Width);
        var header = columns.Select(c => new TableCell(c.Header, ReportPalette.HeaderFill, Bold: true)).ToList();
        var headerLayout = Layout(cursor, header, widths);

        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            cursor.EnsureSpace(headerLayout.Height);
            Draw(cursor, headerLayout, widths);
            return;
        }

        var first = Layout(cursor, enumerator.Current, widths);
        cursor.EnsureSpace(headerLayout.Height + first.Height);
        Draw(cursor, headerLayout, widths);
        var pending = first;
        while (true)
        {
            if (!cursor.Fits(pending.Height))
            {
                cursor.NewPage();
                Draw(cursor, headerLayout, widths);
            }

            Draw(cursor, pending, widths);
            if (!enumerator.MoveNext())
            {
                break;
            }

            pending = Layout(cursor, enumerator.Current, widths);
        }

        cursor.Advance(PdfTheme.CellPadding * 2);
    }

    private double[] ColumnWidths(double total)
    {
        var sum = columns.Sum(c => c.Weight);
        return [.. columns.Select(c => total * c.Weight / sum)];
    }

    private RowLayout Layout(LayoutCursor cursor, IReadOnlyList<TableCell> cells, double[] widths)
    {
        if (cells.Count != columns.Count)
        {
            throw new ArgumentException($"Row has {cells.Count} cells, the table has {columns.Count} columns.", nameof(cells));
        }

        var theme = cursor.Theme;
        var lineHeight = theme.Table.GetHeight();
        // A row taller than a page (after the header) could never be placed: cut it with an ellipsis.
        var maxLines = Math.Max(1, (int)((cursor.ContentHeight * 0.8) / lineHeight));
        var wrapped = new IReadOnlyList<string>[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            var font = cells[i].Bold ? theme.TableBold : theme.Table;
            var lines = TextWrapper.Wrap(cursor.Gfx, cells[i].Text, font, widths[i] - (2 * PdfTheme.CellPadding));
            wrapped[i] = lines.Count <= maxLines ? lines : [.. lines.Take(maxLines - 1), "…"];
        }

        var height = (wrapped.Max(l => l.Count) * lineHeight) + (2 * PdfTheme.CellPadding);
        return new RowLayout(cells, wrapped, height);
    }

    private static void Draw(LayoutCursor cursor, RowLayout row, double[] widths)
    {
        var theme = cursor.Theme;
        var gfx = cursor.Gfx;
        var lineHeight = theme.Table.GetHeight();
        var x = cursor.Left;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var cell = row.Cells[i];
            var rect = new XRect(x, cursor.Y, widths[i], row.Height);
            var brush = theme.Text;
            if (cell.Fill is { } fill)
            {
                gfx.DrawRectangle(new XSolidBrush(PdfTheme.ToXColor(fill)), rect);
                brush = PdfTheme.TextOn(fill);
            }

            gfx.DrawRectangle(theme.Grid, rect);
            var font = cell.Bold ? theme.TableBold : theme.Table;
            var y = cursor.Y + PdfTheme.CellPadding;
            foreach (var line in row.Lines[i])
            {
                gfx.DrawString(line, font, brush, new XPoint(x + PdfTheme.CellPadding, y), XStringFormats.TopLeft);
                y += lineHeight;
            }

            x += widths[i];
        }

        cursor.Advance(row.Height);
    }

    private sealed record RowLayout(IReadOnlyList<TableCell> Cells, IReadOnlyList<string>[] Lines, double Height);
}
