using System.Globalization;
using Compliance.Rules.Engine;
using Compliance.Rules.Review;
using PdfSharp.Drawing;

namespace Compliance.Reports.Pdf;

/// <summary>
/// Stacked columns of open findings by severity, one per run (up to 13: twelve earlier runs and this one).
/// Drawn with XGraphics rather than PdfSharp.Charting: the charting frame's axis caption overlaps the
/// labels (libraries-measured 6d) and its gradient background adds nothing; this is 100 lines we control.
/// </summary>
internal static class TrendChart
{
    private const double Height = 170;
    private const double AxisWidth = 34;
    private const double LabelHeight = 26;
    private const double LegendHeight = 16;

    public static void Render(LayoutCursor cursor, IReadOnlyList<RunTrendPoint> points)
    {
        var theme = cursor.Theme;
        cursor.EnsureSpace(Height + LabelHeight + LegendHeight + 10);
        var gfx = cursor.Gfx;
        var plot = new XRect(cursor.Left + AxisWidth, cursor.Y + LegendHeight, cursor.Width - AxisWidth - 8, Height);

        const string AxisTitle = "Open findings";
        gfx.DrawString(AxisTitle, theme.Small, theme.Muted, new XPoint(cursor.Left, cursor.Y), XStringFormats.TopLeft);
        Legend(cursor, cursor.Left + AxisWidth + gfx.MeasureString(AxisTitle, theme.Small).Width + 16, cursor.Y);
        var max = Math.Max(1, points.Max(Total));
        var step = NiceStep(max);
        var top = Math.Ceiling(max / (double)step) * step;

        // Y axis: gridlines with counts, and its title, so the chart reads without the surrounding text.
        for (var value = 0.0; value <= top + 0.01; value += step)
        {
            var y = plot.Bottom - (value / top * plot.Height);
            gfx.DrawLine(theme.Grid, plot.Left, y, plot.Right, y);
            gfx.DrawString(value.ToString("0", CultureInfo.InvariantCulture), theme.Small, theme.Muted,
                new XPoint(plot.Left - 4, y - 4), XStringFormats.TopRight);
        }


        var slot = plot.Width / Math.Max(points.Count, 1);
        var barWidth = Math.Min(34, slot * 0.6);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var x = plot.Left + (slot * i) + ((slot - barWidth) / 2);
            var y = plot.Bottom;
            foreach (var (severity, count) in Stack(point))
            {
                var h = count / top * plot.Height;
                if (h > 0)
                {
                    gfx.DrawRectangle(new XSolidBrush(PdfTheme.ToXColor(ReportPalette.For(severity))), x, y - h, barWidth, h);
                    y -= h;
                }
            }

            var total = Total(point).ToString(CultureInfo.InvariantCulture);
            gfx.DrawString(total, theme.Small, theme.Text, new XPoint(x + (barWidth / 2), y - 10), XStringFormats.TopCenter);
            var label = i == points.Count - 1 ? point.Period + "*" : point.Period;
            gfx.DrawString(label, theme.Small, theme.Text, new XPoint(x + (barWidth / 2), plot.Bottom + 4), XStringFormats.TopCenter);
        }

        gfx.DrawLine(theme.Rule, plot.Left, plot.Bottom, plot.Right, plot.Bottom);
        gfx.DrawLine(theme.Rule, plot.Left, plot.Top, plot.Left, plot.Bottom);
        cursor.Advance(LegendHeight + Height + 16);
        var note = points.Count == 1
            ? "* this run. No earlier runs are recorded for this tenant yet."
            : $"Run period (* this run); {ReportFormat.Plural(points.Count - 1, "earlier run")}. Waived findings are not counted as open.";
        cursor.Paragraph(note, theme.Small, theme.Muted);
    }

    private static void Legend(LayoutCursor cursor, double x, double y)
    {
        var theme = cursor.Theme;
        foreach (var severity in Enum.GetValues<Severity>().OrderDescending())
        {
            cursor.Gfx.DrawRectangle(new XSolidBrush(PdfTheme.ToXColor(ReportPalette.For(severity))), x, y + 1, 8, 8);
            var name = ContractNames.Of(severity);
            cursor.Gfx.DrawString(name, theme.Small, theme.Text, new XPoint(x + 11, y), XStringFormats.TopLeft);
            x += 20 + cursor.Gfx.MeasureString(name, theme.Small).Width;
        }
    }

    private static IEnumerable<(Severity, int)> Stack(RunTrendPoint p) =>
        [(Severity.Low, p.Low), (Severity.Medium, p.Medium), (Severity.High, p.High), (Severity.Critical, p.Critical)];

    private static int Total(RunTrendPoint p) => p.Critical + p.High + p.Medium + p.Low;

    /// <summary>1, 2 or 5 times a power of ten, giving at most about six gridlines.</summary>
    private static int NiceStep(int max)
    {
        var magnitude = 1;
        while (true)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                if (max / (factor * magnitude) <= 6)
                {
                    return factor * magnitude;
                }
            }

            magnitude *= 10;
        }
    }
}
