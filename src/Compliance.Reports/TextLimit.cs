using System.Globalization;

namespace Compliance.Reports;

/// <summary>
/// Cuts text that a document cannot hold, visibly: the kept prefix ends with "… (N characters cut)" so a reader
/// knows the value was longer. Graph caps displayName at 256 characters, but evidence is not trusted to respect that
/// (bad-input corpus, issue 8: a 10 MB string must neither crash a writer nor vanish).
/// </summary>
internal static class TextLimit
{
    /// <summary>Excel's maximum characters in a cell ("Excel specifications and limits", Microsoft Support).</summary>
    public const int ExcelCell = 32_767;

    /// <summary>
    /// Longest text laid out in the PDF. Far above any real value (finding details run to a few hundred characters);
    /// PDFsharp's MeasureString fails on multi-megabyte strings and greedy wrapping is quadratic in a word's length.
    /// </summary>
    public const int PdfText = 4_000;

    public static string Clip(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text.Length - maxLength;
        // The marker itself takes room; cut enough that prefix + marker fit, and count what really went.
        var marker = Marker(cut);
        var keep = Math.Max(0, maxLength - marker.Length - 2);
        marker = Marker(text.Length - keep);
        return string.Concat(text.AsSpan(0, keep), "… ", marker);
    }

    private static string Marker(int cut) => string.Create(CultureInfo.InvariantCulture, $"({cut:N0} characters cut)");
}
