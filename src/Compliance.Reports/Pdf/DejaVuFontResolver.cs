using PdfSharp.Fonts;

namespace Compliance.Reports;

/// <summary>
/// Maps every family to the DejaVu faces shipped with the repository, so the PDF looks the same on
/// every machine and never depends on installed fonts.
/// </summary>
internal sealed class DejaVuFontResolver(string directory) : IFontResolver
{
    public const string Regular = "DejaVuSans";
    public const string Bold = "DejaVuSans-Bold";

    public static readonly IReadOnlyList<string> Faces = [Regular, Bold];

    // Italic is simulated by PDFsharp (no italic face is shipped).
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName)
    {
        if (!Faces.Contains(faceName))
        {
            return null;
        }

        return File.ReadAllBytes(Path.Combine(directory, faceName + ".ttf"));
    }
}
