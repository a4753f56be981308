using System.Globalization;
using Compliance.Rules.Review;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Compliance.Reports.Pdf;

/// <summary>
/// Header and footer on every page. Runs after all content is laid out because "Page x of y" needs
/// the final page count.
/// </summary>
internal static class PageDecorator
{
    public static void Stamp(PdfDocument pdf, RunInfo run, PdfTheme theme)
    {
        for (var i = 0; i < pdf.PageCount; i++)
        {
            StampPage(pdf, i, run.Tenant, run.Period, run.Id, run.CompletedAt, theme);
        }
    }

    /// <summary>Header and footer of page <paramref name="index"/> (zero-based) of <paramref name="pdf"/>.</summary>
    public static void StampPage(PdfDocument pdf, int index, string tenant, string period, string runId, DateTimeOffset generated, PdfTheme theme)
    {
        var page = pdf.Pages[index];
        using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        var width = page.Width.Point;
        var height = page.Height.Point;
        var left = PdfTheme.Margin;
        var right = width - PdfTheme.Margin;

        gfx.DrawString($"Compliance review — {tenant} — {period}", theme.Small, theme.Muted, new XPoint(left, 26), XStringFormats.TopLeft);
        gfx.DrawString($"Run {runId}", theme.Small, theme.Muted, new XPoint(right, 26), XStringFormats.TopRight);
        gfx.DrawLine(theme.Rule, left, 40, right, 40);

        gfx.DrawLine(theme.Rule, left, height - 34, right, height - 34);
        gfx.DrawString($"Generated {ReportFormat.Date(generated)}", theme.Small, theme.Muted, new XPoint(left, height - 28), XStringFormats.TopLeft);
        var pageText = string.Create(CultureInfo.InvariantCulture, $"Page {index + 1} of {pdf.PageCount}");
        gfx.DrawString(pageText, theme.Small, theme.Muted, new XPoint(right, height - 28), XStringFormats.TopRight);
    }
}
