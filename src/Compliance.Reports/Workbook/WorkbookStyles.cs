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

    public WorkbookStyles(Spreadsheet spreadsheet)
    {
        Header = spreadsheet.AddStyle(Filled(ReportPalette.HeaderFill, bold: true));
        Date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm") });
        OneDecimal = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.0") });
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
    public StyleId OneDecimal { get; }

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
