using System.Text;
using PdfSharp.Drawing;

namespace Compliance.Reports.Pdf;

/// <summary>
/// Greedy word wrap with XGraphics.MeasureString (PDFsharp has no text layout of its own). Words wider
/// than the line — ids, URLs — are broken by character so nothing runs past a cell border. Text longer than
/// <see cref="TextLimit.PdfText"/> characters is cut visibly first.
/// </summary>
internal static class TextWrapper
{
    public static IReadOnlyList<string> Wrap(XGraphics gfx, string? text, XFont font, double maxWidth)
    {
        List<string> lines = [];
        if (string.IsNullOrEmpty(text))
        {
            lines.Add(string.Empty);
            return lines;
        }

        foreach (var paragraph in TextLimit.Clip(text, TextLimit.PdfText).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(gfx, paragraph, font, maxWidth, lines);
        }

        return lines;
    }

    private static void WrapParagraph(XGraphics gfx, string paragraph, XFont font, double maxWidth, List<string> lines)
    {
        var current = new StringBuilder();
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Width(gfx, candidate, font) <= maxWidth)
            {
                current.Clear().Append(candidate);
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            var rest = word;
            while (Width(gfx, rest, font) > maxWidth && rest.Length > 1)
            {
                var take = FittingPrefix(gfx, rest, font, maxWidth);
                lines.Add(rest[..take]);
                rest = rest[take..];
            }

            current.Append(rest);
        }

        lines.Add(current.ToString());
    }

    private static int FittingPrefix(XGraphics gfx, string word, XFont font, double maxWidth)
    {
        var take = 1;
        while (take < word.Length && Width(gfx, word[..(take + 1)], font) <= maxWidth)
        {
            take++;
        }

        return take;
    }

    private static double Width(XGraphics gfx, string text, XFont font) => gfx.MeasureString(text, font).Width;
}
