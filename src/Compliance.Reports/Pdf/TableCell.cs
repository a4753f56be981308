namespace Compliance.Reports.Pdf;

/// <summary>One cell's text and, for status cells, its background colour.</summary>
internal sealed record TableCell(string Text, RgbColor? Fill = null, bool Bold = false)
{
    public static implicit operator TableCell(string text) => new(text);

    public static TableCell FromString(string text) => new(text);
}
