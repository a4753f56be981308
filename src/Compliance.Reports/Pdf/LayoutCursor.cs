using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Compliance.Reports.Pdf;

/// <summary>
/// Where the next thing goes: the current page, its graphics and the vertical position. Sections ask
/// it whether a block fits and let it open a new page, so page breaking lives in one place.
/// </summary>
internal sealed class LayoutCursor(PdfDocument document, PdfTheme theme) : IDisposable
{
    // A4 in points; set explicitly (not via Orientation) so landscape pages carry no /Rotate.
    private const double ShortSide = 595.0;
    private const double LongSide = 842.0;

    private PdfPage? _page;
    private XGraphics? _gfx;
    private bool _landscape;

    public PdfDocument Document { get; } = document;
    public PdfTheme Theme { get; } = theme;
    public PdfPage Page => _page ?? throw new InvalidOperationException("No page started.");
    public XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page started.");
    public double Y { get; private set; }
    public double Left { get; } = PdfTheme.Margin;
    public double Width => Page.Width.Point - (2 * PdfTheme.Margin);
    public double Top { get; } = PdfTheme.HeaderSpace;
    public double Bottom => Page.Height.Point - PdfTheme.FooterSpace;
    public double ContentHeight => Bottom - Top;

    /// <summary>Starts a page; <paramref name="landscape"/> null keeps the current orientation (continuation pages).</summary>
    public void NewPage(bool? landscape = null)
    {
        _landscape = landscape ?? _landscape;
        _gfx?.Dispose();
        _page = Document.AddPage();
        _page.Width = XUnit.FromPoint(_landscape ? LongSide : ShortSide);
        _page.Height = XUnit.FromPoint(_landscape ? ShortSide : LongSide);
        _gfx = XGraphics.FromPdfPage(_page);
        Y = Top;
    }

    /// <summary>
    /// Continues on an existing page whose content is discarded (XGraphicsPdfPageOptions.Replace): how `attest` redraws
    /// the attestation page of a published PDF without touching the other pages.
    /// </summary>
    public void ReplacePage(PdfPage page)
    {
        _gfx?.Dispose();
        _page = page;
        _landscape = page.Width.Point > page.Height.Point;
        _gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Replace);
        Y = Top;
    }

    public bool Fits(double height) => Y + height <= Bottom;

    public void Advance(double height) => Y += height;

    /// <summary>Opens a page if <paramref name="height"/> does not fit on this one.</summary>
    public void EnsureSpace(double height)
    {
        if (!Fits(height))
        {
            NewPage();
        }
    }

    /// <summary>
    /// A section title on a new line that is also a bookmark, so a reviewer can jump to it; nested under
    /// <paramref name="parent"/> when given (one bookmark per integration under "Integrations").
    /// </summary>
    public PdfOutline Heading(string text, PdfOutline? parent = null)
    {
        var height = Theme.Heading.GetHeight() + 8;
        EnsureSpace(height * 3);
        var outline = parent is null ? Document.Outlines.Add(text, Page, true) : parent.Outlines.Add(text, Page, false);
        HeadingText(text);
        return outline;
    }

    /// <summary>A section title without a bookmark (the page already has one).</summary>
    public void HeadingText(string text)
    {
        var height = Theme.Heading.GetHeight() + 8;
        Gfx.DrawString(text, Theme.Heading, Theme.Text, new XPoint(Left, Y), XStringFormats.TopLeft);
        Advance(height);
        Gfx.DrawLine(Theme.Rule, Left, Y - 4, Left + Width, Y - 4);
    }

    /// <summary>A block title inside a section, kept with at least a few lines of what follows.</summary>
    public void SubHeading(string text)
    {
        Advance(8);
        EnsureSpace(Theme.SubHeading.GetHeight() + 60);
        Paragraph(text, Theme.SubHeading, Theme.Text);
        Advance(3);
    }

    /// <summary>Red text for what a reader must not miss: missing evidence, an unrestricted scope.</summary>
    public void Alert(string text) => Paragraph(text, Theme.BodyBold, Theme.Alert);

    /// <summary>Wrapped text; breaks between lines, never inside one.</summary>
    public void Paragraph(string text, XFont font, XBrush brush, double indent = 0)
    {
        var lineHeight = font.GetHeight();
        foreach (var line in TextWrapper.Wrap(Gfx, text, font, Width - indent))
        {
            EnsureSpace(lineHeight);
            Gfx.DrawString(line, font, brush, new XPoint(Left + indent, Y), XStringFormats.TopLeft);
            Advance(lineHeight);
        }
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _gfx = null;
    }
}
