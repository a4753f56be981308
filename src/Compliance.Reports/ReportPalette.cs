using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;

namespace Compliance.Reports;

/// <summary>
/// One palette for PDF and workbook, so a reviewer reading both sees the same colour for the same
/// severity or outcome.
/// </summary>
internal static class ReportPalette
{
    public static readonly RgbColor DarkRed = new(0x8B, 0x00, 0x00, true);
    public static readonly RgbColor Red = new(0xD3, 0x2F, 0x2F, true);
    public static readonly RgbColor Orange = new(0xF5, 0x8A, 0x1F, false);
    public static readonly RgbColor Yellow = new(0xFF, 0xE0, 0x66, false);
    public static readonly RgbColor Green = new(0x2E, 0x7D, 0x32, true);
    public static readonly RgbColor Grey = new(0xBD, 0xBD, 0xBD, false);
    public static readonly RgbColor Blue = new(0x60, 0x7D, 0x8B, true);
    public static readonly RgbColor HeaderFill = new(0xD9, 0xE1, 0xF2, false);

    public static RgbColor For(Severity severity) => severity switch
    {
        Severity.Critical => DarkRed,
        Severity.High => Red,
        Severity.Medium => Orange,
        _ => Yellow,
    };

    public static RgbColor For(ControlOutcome outcome) => outcome switch
    {
        ControlOutcome.Pass => Green,
        ControlOutcome.Fail => Red,
        ControlOutcome.Waived => Blue,
        _ => Grey,
    };

    /// <summary>Reopened is the worst news (a fix did not hold), then new; persisting is known, waived accepted.</summary>
    public static RgbColor For(FindingStatus status) => status switch
    {
        FindingStatus.Reopened => Red,
        FindingStatus.New => Orange,
        FindingStatus.Waived => Blue,
        _ => Grey,
    };

    /// <summary>Waiver states as WaiverInfo spells them; an unknown state gets no colour rather than a wrong one.</summary>
    public static RgbColor? ForWaiver(string state) => state switch
    {
        "active" => Blue,
        "expiring" => Orange,
        "expired" => Red,
        _ => null,
    };

    public static RgbColor? For(SourceState state) => state switch
    {
        SourceState.NotCollected => Red,
        SourceState.Partial => Orange,
        _ => null,
    };
}
