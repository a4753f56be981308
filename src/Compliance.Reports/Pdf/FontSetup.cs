using PdfSharp.Fonts;

namespace Compliance.Reports;

/// <summary>
/// Registers the DejaVu font resolver with PDFsharp. PDFsharp's resolver is process-global and may be
/// set only before first use, so registration happens once, under a lock, and is safe to call from
/// every writer.
/// </summary>
public static class FontSetup
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            var directory = Path.Combine(AppContext.BaseDirectory, "fonts");
            RequireFonts(directory);
            if (GlobalFontSettings.FontResolver is not DejaVuFontResolver)
            {
                GlobalFontSettings.FontResolver = new DejaVuFontResolver(directory);
            }

            _registered = true;
        }
    }

    /// <summary>Fails early, naming the file, instead of PDFsharp's generic "no appropriate font" deep inside rendering.</summary>
    internal static void RequireFonts(string directory)
    {
        foreach (var face in DejaVuFontResolver.Faces)
        {
            var file = Path.Combine(directory, face + ".ttf");
            if (!File.Exists(file))
            {
                throw new FileNotFoundException(
                    $"Report font '{file}' is missing. It ships in reports/assets/fonts and is copied to the output 'fonts' folder by Compliance.Reports.csproj.",
                    file);
            }
        }
    }
}
