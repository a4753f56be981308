namespace Compliance.Reports.Tests;

public class FontSetupTests
{
    [Fact]
    public void Registering_from_many_threads_is_safe_and_idempotent()
    {
        Parallel.For(0, 16, _ => FontSetup.EnsureRegistered());
        FontSetup.EnsureRegistered();
        Assert.NotNull(PdfSharp.Fonts.GlobalFontSettings.FontResolver);
    }

    [Fact]
    public void A_missing_font_is_named_in_the_error()
    {
        var empty = Directory.CreateTempSubdirectory("nofonts-").FullName;
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => FontSetup.RequireFonts(empty));
            Assert.Contains("DejaVuSans.ttf", error.Message, StringComparison.Ordinal);
            Assert.Contains(empty, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
