using System.Globalization;
using Compliance.Rules.Engine;
using Compliance.Rules.Review;

namespace Compliance.Reports;

/// <summary>Human-readable text shared by the PDF and the workbook; invariant culture so output never depends on the host.</summary>
internal static class ReportFormat
{
    public static string Date(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"3 controls failed, 0 not evaluated" — the line a reviewer reads first.</summary>
    public static string OverallResult(EvaluationResult evaluation)
    {
        var failed = evaluation.Controls.Count(c => c.Outcome == ControlOutcome.Fail);
        var notEvaluated = evaluation.Controls.Count(c => c.Outcome == ControlOutcome.NotEvaluated);
        var waived = evaluation.Controls.Count(c => c.Outcome == ControlOutcome.Waived);
        var text = $"{failed} {(failed == 1 ? "control" : "controls")} failed, {notEvaluated} not evaluated";
        return waived > 0 ? $"{text}, {waived} waived" : text;
    }

    public static string RunStatusText(RunStatus status) => ContractNames.Of(status);

    public static string Day(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Days(double? days) =>
        days is { } d ? Math.Round(d, 0).ToString("0", CultureInfo.InvariantCulture) : "–";

    public static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Plural(long count, string noun, string? plural = null) =>
        $"{Number(count)} {(count == 1 ? noun : plural ?? noun + "s")}";
}
