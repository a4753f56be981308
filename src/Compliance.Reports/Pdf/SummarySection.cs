using Compliance.Reports.Facts;
using System.Globalization;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Review;

namespace Compliance.Reports.Pdf;

/// <summary>
/// The executive summary: what is missing (first, so nobody reads the counts without it), controls by
/// outcome, findings by severity and status, what changed since the last run, the 12-run trend and the
/// top risks; then every control with its outcome.
/// </summary>
internal static class SummarySection
{
    public const string Title = "Executive summary";

    private static readonly TableColumn[] ControlColumns =
    [
        new("Control", 1.1), new("Title", 4.2), new("Severity", 1.1), new("Outcome", 1.3),
        new("Population", 1.1), new("Failures", 1.0),
    ];

    private static readonly TableColumn[] OutcomeColumns = [new("Passed", 1), new("Failed", 1), new("Waived", 1), new("Not evaluated", 1.3)];

    private static readonly TableColumn[] SeverityColumns =
    [
        new("Severity", 1), new("Open", 0.8), new("New", 0.8), new("Reopened", 0.9), new("Persisting", 0.9), new("Waived", 0.8),
    ];

    public static void Render(LayoutCursor cursor, ReviewDocument document)
    {
        var theme = cursor.Theme;
        var evaluation = document.Evaluation;
        cursor.NewPage(landscape: false);
        cursor.Heading(Title);
        cursor.Paragraph(ReportFormat.OverallResult(evaluation), theme.BodyBold, theme.Text);
        MissingEvidence(cursor, document.Evidence);
        cursor.Advance(6);

        cursor.SubHeading("Controls");
        new PdfTable(OutcomeColumns).Render(cursor, [[
            OutcomeCell(evaluation, ControlOutcome.Pass), OutcomeCell(evaluation, ControlOutcome.Fail),
            OutcomeCell(evaluation, ControlOutcome.Waived), OutcomeCell(evaluation, ControlOutcome.NotEvaluated)]]);

        cursor.SubHeading("Findings by severity");
        new PdfTable(SeverityColumns).Render(cursor, Enum.GetValues<Severity>().OrderDescending().Select(s => SeverityRow(evaluation, s)));
        var added = evaluation.Findings.Count(f => f.Status is FindingStatus.New or FindingStatus.Reopened);
        cursor.Paragraph(
            $"Since the last run: {ReportFormat.Plural(added, "finding")} new or reopened, {ReportFormat.Number(document.ResolvedFindings.Count)} resolved.",
            theme.Body, theme.Text);

        cursor.SubHeading("Open findings over the last runs");
        TrendChart.Render(cursor, TrendPoints(document));

        cursor.SubHeading("Top risks");
        var risks = TopRisks.Sentences(document);
        if (risks.Count == 0)
        {
            cursor.Paragraph("No control failed in this run.", theme.Body, theme.Text);
        }

        foreach (var risk in risks)
        {
            cursor.Paragraph("• " + risk, theme.Body, theme.Text, indent: 6);
            cursor.Advance(2);
        }

        cursor.SubHeading("All controls");
        new PdfTable(ControlColumns).Render(cursor, evaluation.Controls.Select(ControlRow));
    }

    /// <summary>Stated on the summary page itself: a count of findings means little when evidence is missing.</summary>
    private static void MissingEvidence(LayoutCursor cursor, EvidenceSnapshot evidence)
    {
        var missing = evidence.Sources.Where(s => s.State != SourceState.Collected).ToList();
        if (missing.Count == 0)
        {
            cursor.Paragraph("All evidence sources were collected.", cursor.Theme.Body, cursor.Theme.Muted);
            ShortCoverage(cursor, evidence);
            return;
        }

        cursor.Advance(4);
        foreach (var source in missing)
        {
            var state = source.State == SourceState.NotCollected ? "was not collected" : "was only partially collected";
            cursor.Alert($"Evidence source '{source.Name}' {state}: {source.Reason ?? "no reason recorded"}.");
        }

        cursor.Alert($"{ReportFormat.Plural(missing.Count, "source")} incomplete: controls that depend on them are not evaluated, and their absence of findings proves nothing.");
        ShortCoverage(cursor, evidence);
    }

    /// <summary>A collected source whose logs begin after the period's start: its controls saw only part of the month.</summary>
    private static void ShortCoverage(LayoutCursor cursor, EvidenceSnapshot evidence)
    {
        foreach (var source in evidence.Sources.Where(s => s.State == SourceState.Collected))
        {
            if (SourceNotice.ShortCoverage(evidence, source) is { } coverage)
            {
                cursor.Advance(4);
                cursor.Alert($"Evidence source '{source.Name}' {coverage}: controls reading it saw only that part of the period (GOV-004).");
            }
        }
    }

    /// <summary>Earlier runs as recorded, plus this run computed here when the history does not include it yet.</summary>
    internal static IReadOnlyList<RunTrendPoint> TrendPoints(ReviewDocument document)
    {
        var points = document.Trend.TakeLast(13).ToList();
        if (points.Count > 0 && points[^1].RunId == document.Run.Id)
        {
            return points;
        }

        int Open(Severity s) => document.Evaluation.Findings.Count(f => f.Status != FindingStatus.Waived && f.Finding.Severity == s);
        points.Add(new RunTrendPoint(document.Run.Id, document.Run.Period, document.Run.CompletedAt,
            Open(Severity.Critical), Open(Severity.High), Open(Severity.Medium), Open(Severity.Low)));
        return points.TakeLast(13).ToList();
    }

    private static TableCell OutcomeCell(EvaluationResult evaluation, ControlOutcome outcome) =>
        new(Count(evaluation.Controls.Count(c => c.Outcome == outcome)).Text, ReportPalette.For(outcome), Bold: true);

    private static IReadOnlyList<TableCell> SeverityRow(EvaluationResult evaluation, Severity severity)
    {
        var of = evaluation.Findings.Where(f => f.Finding.Severity == severity).ToList();
        return
        [
            new TableCell(ContractNames.Of(severity), ReportPalette.For(severity)),
            Count(of.Count(f => f.Status != FindingStatus.Waived)),
            Count(of.Count(f => f.Status == FindingStatus.New)),
            Count(of.Count(f => f.Status == FindingStatus.Reopened)),
            Count(of.Count(f => f.Status == FindingStatus.Persisting)),
            Count(of.Count(f => f.Status == FindingStatus.Waived)),
        ];
    }

    private static IReadOnlyList<TableCell> ControlRow(ControlResult control) =>
    [
        control.Rule.Id,
        control.Rule.Title,
        new TableCell(ContractNames.Of(control.Rule.DefaultSeverity), ReportPalette.For(control.Rule.DefaultSeverity)),
        new TableCell(ContractNames.Of(control.Outcome), ReportPalette.For(control.Outcome)),
        Count(control.Population),
        Count(control.Failures),
    ];

    private static TableCell Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
