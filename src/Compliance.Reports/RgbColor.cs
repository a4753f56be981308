namespace Compliance.Reports;

/// <summary>A colour both renderers understand; <see cref="DarkBackground"/> tells them to use white text on it.</summary>
internal readonly record struct RgbColor(byte R, byte G, byte B, bool DarkBackground)
{
    public string Hex => $"{R:X2}{G:X2}{B:X2}";
}
