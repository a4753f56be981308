using PdfSharp.Drawing;

namespace Compliance.Reports.Pdf;

/// <summary>Fonts, colours and spacing of the review PDF in one place, so sections stay about content.</summary>
internal sealed class PdfTheme
{
    private const string Family = "DejaVu Sans";

    public XFont Title { get; } = new(Family, 24, XFontStyleEx.Bold);
    public XFont Heading { get; } = new(Family, 14, XFontStyleEx.Bold);
    public XFont SubHeading { get; } = new(Family, 10.5, XFontStyleEx.Bold);
    public XFont Body { get; } = new(Family, 9.5, XFontStyleEx.Regular);
    public XFont BodyBold { get; } = new(Family, 9.5, XFontStyleEx.Bold);
    public XFont Table { get; } = new(Family, 7.5, XFontStyleEx.Regular);
    public XFont TableBold { get; } = new(Family, 7.5, XFontStyleEx.Bold);
    public XFont Small { get; } = new(Family, 7.5, XFontStyleEx.Regular);

    public XBrush Text { get; } = XBrushes.Black;
    public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(0x55, 0x55, 0x55));
    public XBrush Alert { get; } = new XSolidBrush(XColor.FromArgb(0xC6, 0x28, 0x28));
    public XPen Rule { get; } = new(XColor.FromArgb(0x99, 0x99, 0x99), 0.5);
    public XPen Grid { get; } = new(XColor.FromArgb(0xBB, 0xBB, 0xBB), 0.4);

    public const double Margin = 40;
    public const double HeaderSpace = 58;
    public const double FooterSpace = 46;
    public const double CellPadding = 3;

    public static XColor ToXColor(RgbColor color) => XColor.FromArgb(color.R, color.G, color.B);

    public static XBrush TextOn(RgbColor color) => color.DarkBackground ? XBrushes.White : XBrushes.Black;
}
