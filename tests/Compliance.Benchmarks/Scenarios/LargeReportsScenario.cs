using Compliance.Benchmarks.Harness;
using Compliance.Reports;
using Compliance.Rules.Catalog;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Review;
using Compliance.Worker.Review;

namespace Compliance.Benchmarks.Scenarios;

/// <summary>
/// The workbook and the PDF of the generated large tenant's own review (TenantScale.Large: 100,000 service principals,
/// 1,000,000 sign-ins): the snapshot of the `evaluate` scenario, evaluated once, composed into the ReviewDocument the
/// way ReviewPipeline composes it for publishing (first run: no earlier trend, nothing resolved, no waivers), then each
/// document written to a file under reports/bench/reports-large/ with its time, size and memory. Issue 6's bar: the
/// workbook is written with resident memory under 500 MB. Then the workbook's Summary sheet is filled in as `attest` does
/// (AttestedWorkbookWriter), measured the same way.
/// </summary>
internal static class LargeReportsScenario
{
    public static async Task RunAsync(int seed, string output, CancellationToken ct)
    {
        var anchor = DateTimeOffset.UtcNow;
        var (tenantId, snapshot) = Generate(seed, anchor);
        var evaluation = new Evaluator(RuleCatalog.All).Evaluate(snapshot, LargeTenantScenarios.Settings(Path.GetTempPath()).Policy, FindingHistory.None);
        var period = ReviewPeriod.Resolve(null, anchor);
        var run = new RunInfo($"bench-large-{seed}", snapshot.Tenant, tenantId, period, anchor, anchor, RunStatus.Completed);
        var document = ReviewPipeline.Document(run, snapshot, evaluation, [], [], []);
        var entries = evaluation.Scopes.Sum(s => (long)s.Mailboxes.Count);
        Console.WriteLine($"evaluated: {evaluation.Findings.Count:N0} findings, {evaluation.Scopes.Count:N0} send-as scopes, {entries:N0} app × mailbox entries, "
            + $"{snapshot.SignIns.Count:N0} sign-ins, {snapshot.MessageTrace.Count:N0} trace rows");

        var folder = Path.Combine(output, "reports-large");
        Directory.CreateDirectory(folder);
        var workbookPath = Path.Combine(folder, "review.xlsx");
        var workbook = await WriteMemory.MeasureAsync(workbookPath, (file, token) => new ReviewWorkbookWriter().WriteAsync(document, file, token), ct);
        Print("xlsx", workbook);
        var pdf = await WriteMemory.MeasureAsync(Path.Combine(folder, "review.pdf"), (file, _) =>
        {
            new ReviewPdfWriter().Write(document, file);
            return Task.CompletedTask;
        }, ct);
        Print("pdf", pdf);

        // What `attest` adds for this workbook: the Summary sheet filled in, every other part copied (streamed file to file).
        // The chain hash only fills a cell; this scenario computes none, so a placeholder of the same length stands in.
        var signOff = new AttestationPage("bench-reviewer@contoso.example", "Benchmark sign-off of the large tenant's review.", anchor);
        var attested = await WriteMemory.MeasureAsync(Path.Combine(folder, "review-attested.xlsx"), async (file, token) =>
        {
            await using var published = File.OpenRead(workbookPath);
            await AttestedWorkbookWriter.FillAsync(published, file, new AttestedRun(run.Id, run.Tenant, run.Period, run.CompletedAt, new string('0', 64)), signOff, token);
        }, ct);
        Print("xlsx attest", attested);

        await ScenarioReport.WriteAsync("reports-large", $"workbook and PDF of the generated large tenant's review, seed {seed} ({snapshot.SignIns.Count:N0} sign-ins, {snapshot.MessageTrace.Count:N0} trace rows, {entries:N0} scope entries)",
        [
            .. Figures("xlsx", workbook, "< 500", workbook.PeakMiB < 500),
            .. Figures("pdf", pdf, "-", null),
            .. Figures("xlsx attest", attested, "-", null),
        ], output, ct);
    }

    /// <summary>
    /// The snapshot without the generator's fixture: a review's publishing process holds the evidence it read back from
    /// the store, not the simulated tenant (a local of the async method above would stay alive until it returns).
    /// </summary>
    private static (string TenantId, EvidenceSnapshot Snapshot) Generate(int seed, DateTimeOffset anchor)
    {
        var (fixture, snapshot) = LargeTenantScenarios.GeneratedSnapshot(seed, anchor);
        return (fixture.TenantId, snapshot);
    }

    private static IEnumerable<Figure> Figures(string format, WriteFigures f, string target, bool? met) =>
    [
        new Figure($"{format}: write", "s", [f.Seconds], "-", null),
        new Figure($"{format}: file size", "MiB", [f.Bytes / 1048576.0], "-", null),
        new Figure($"{format}: peak RSS while writing{(f.PeakIsWriters ? "" : " (process lifetime)")}", "MiB", [f.PeakMiB], target, met),
        new Figure($"{format}: peak RSS increase over the baseline", "MiB", [f.PeakIncreaseMiB], "-", null),
        new Figure($"{format}: baseline RSS (document built, before writing)", "MiB", [f.BaselineMiB], "-", null),
        new Figure($"{format}: managed heap before → after", "MiB", [f.HeapBeforeMiB, f.HeapAfterMiB], "-", null),
        new Figure($"{format}: managed heap, sampled peak while writing", "MiB", [f.HeapPeakMiB], "-", null),
    ];

    private static void Print(string format, WriteFigures f) =>
        Console.WriteLine($"{format}: {f.Seconds:0.0} s, {f.Bytes / 1048576.0:0.0} MiB; RSS {f.BaselineMiB:0} → peak {f.PeakMiB:0} MiB (+{f.PeakIncreaseMiB:0}); "
            + $"heap {f.HeapBeforeMiB:0} → {f.HeapAfterMiB:0} MiB, sampled peak {f.HeapPeakMiB:0} MiB");
}
