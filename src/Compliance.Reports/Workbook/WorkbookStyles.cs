using System.Drawing;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace Compliance.Reports.Workbook;

/// <summary>
/// The styles of the workbook, registered once per spreadsheet. Colours are applied when a cell is
/// written: SpreadCheetah's conditional formatting cannot express "fill by value".
/// </summary>
internal sealed class WorkbookStyles
{
    private readonly Dictionary<Severity, StyleId> _severity = [];
    private readonly Dictionary<ControlOutcome, StyleId> _outcome = [];
    private readonly Dictionary<SourceState, StyleId> _source = [];
    private readonly Dictionary<FindingStatus, StyleId> _status = [];
    private readonly Dictionary<string, StyleId> _waiver = new(StringComparer.OrdinalIgnoreCase);

    public WorkbookStyles(Spreadsheet spreadsheet)
    {
        Header = spreadsheet.AddStyle(Filled(ReportPalette.HeaderFill, bold: true));
        Date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm") });
        Day = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        OneDecimal = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.0") });
        Percent = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.0%") });
        Link = spreadsheet.AddStyle(Style.Hyperlink);
        Notice = spreadsheet.AddStyle(new Style { Font = { Bold = true, Color = Color.FromArgb(ReportPalette.Red.R, ReportPalette.Red.G, ReportPalette.Red.B) } });
        foreach (var status in Enum.GetValues<FindingStatus>())
        {
            _status[status] = spreadsheet.AddStyle(Filled(ReportPalette.For(status), bold: true));
        }

        foreach (var state in new[] { "active", "expiring", "expired" })
        {
            _waiver[state] = spreadsheet.AddStyle(Filled(ReportPalette.ForWaiver(state)!.Value, bold: true));
        }
        foreach (var severity in Enum.GetValues<Severity>())
        {
            _severity[severity] = spreadsheet.AddStyle(Filled(ReportPalette.For(severity), bold: true));
        }

        foreach (var outcome in Enum.GetValues<ControlOutcome>())
        {
            _outcome[outcome] = spreadsheet.AddStyle(Filled(ReportPalette.For(outcome), bold: true));
        }

        foreach (var state in Enum.GetValues<SourceState>())
        {
            if (ReportPalette.For(state) is { } color)
            {
                _source[state] = spreadsheet.AddStyle(Filled(color, bold: true));
            }
        }
    }

    public StyleId Header { get; }
    public StyleId Date { get; }
    public StyleId Day { get; }
    public StyleId OneDecimal { get; }
    public StyleId Percent { get; }
    public StyleId Link { get; }

    /// <summary>Red bold text for "not collected" and "truncated" rows.</summary>
    public StyleId Notice { get; }

    public StyleId For(FindingStatus status) => _status[status];

    public StyleId? ForWaiver(string state) => _waiver.TryGetValue(state, out var id) ? id : null;

    public StyleId For(Severity severity) => _severity[severity];

    public StyleId For(ControlOutcome outcome) => _outcome[outcome];

    public StyleId? For(SourceState state) => _source.TryGetValue(state, out var id) ? id : null;

    private static Style Filled(RgbColor color, bool bold)
    {
        var style = new Style();
        style.Fill.Color = Color.FromArgb(color.R, color.G, color.B);
        style.Font.Bold = bold;
        style.Font.Color = color.DarkBackground ? Color.White : Color.Black;
        return style;
    }
}
