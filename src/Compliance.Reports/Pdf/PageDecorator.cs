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
        var total = pdf.PageCount;
        for (var i = 0; i < total; i++)
        {
            var page = pdf.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = page.Width.Point;
            var height = page.Height.Point;
            var left = PdfTheme.Margin;
            var right = width - PdfTheme.Margin;

            gfx.DrawString($"Compliance review — {run.Tenant} — {run.Period}", theme.Small, theme.Muted, new XPoint(left, 26), XStringFormats.TopLeft);
            gfx.DrawString($"Run {run.Id}", theme.Small, theme.Muted, new XPoint(right, 26), XStringFormats.TopRight);
            gfx.DrawLine(theme.Rule, left, 40, right, 40);

            gfx.DrawLine(theme.Rule, left, height - 34, right, height - 34);
            gfx.DrawString($"Generated {ReportFormat.Date(run.CompletedAt)}", theme.Small, theme.Muted, new XPoint(left, height - 28), XStringFormats.TopLeft);
            var pageText = string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {total}");
            gfx.DrawString(pageText, theme.Small, theme.Muted, new XPoint(right, height - 28), XStringFormats.TopRight);
        }
    }
}
