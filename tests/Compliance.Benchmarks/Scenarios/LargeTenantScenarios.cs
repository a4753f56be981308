using System.Diagnostics;
using System.Globalization;
using Compliance.Benchmarks.Harness;
using Compliance.Rules.Catalog;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.TenantSimulator;
using Compliance.TenantSimulator.Generation;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;

namespace Compliance.Benchmarks.Scenarios;

/// <summary>
/// The large tenant (100,000 service principals, 1,000,000 sign-ins), throttling off: evaluation alone, and the whole
/// `review` (collect → store → evaluate → publish) twice on one database — the second run is incremental.
/// </summary>
internal static class LargeTenantScenarios
{
    /// <summary>
    /// The generated large tenant (TenantFixture.Generate, TenantScale.Large) mapped straight to an EvidenceSnapshot —
    /// no HTTP — and evaluated <paramref name="runs"/> times; the findings are compared with the fixture's expected
    /// findings (ruleId, resourceId, qualifier, severity). Each rule is also timed alone once, to show where time goes.
    /// </summary>
    public static async Task EvaluateAsync(int runs, int seed, string output, CancellationToken ct)
    {
        var anchor = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var (fixture, snapshot) = GeneratedSnapshot(seed, anchor);
        var build = watch.Elapsed.TotalSeconds;
        var policy = Settings(Path.GetTempPath()).Policy;
        List<double> seconds = [];
        EvaluationResult? result = null;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            watch.Restart();
            result = new Evaluator(RuleCatalog.All).Evaluate(snapshot, policy, FindingHistory.None);
            seconds.Add(watch.Elapsed.TotalSeconds);
            Console.WriteLine($"evaluation run {i + 1}: {seconds[^1]:0.00} s");
        }

        var findings = result!.Findings.Select(t => t.Finding).ToList();
        var (expected, matched, missing, extra) = GeneratedEvidence.Compare(fixture.ExpectedFindingsJson, findings);
        Console.WriteLine($"snapshot: {snapshot.ServicePrincipals.Count:N0} SPs, {snapshot.AppRoleGrants.Count:N0} grants, {snapshot.Mailboxes.Count:N0} mailboxes, "
            + $"{snapshot.SignIns.Count:N0} sign-ins, {snapshot.MessageTrace.Count:N0} trace rows, {snapshot.MailboxAudit.Count:N0} audit rows; generated and mapped in {build:0.0} s");
        Console.WriteLine($"findings: {findings.Count} produced, {expected} expected, {matched} matched, {missing.Count} missing, {extra.Count} extra");
        foreach (var group in missing.GroupBy(k => k.Split('|')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  missing {group.Key}: {group.Count()} (e.g. {group.First()})");
        }

        foreach (var group in extra.GroupBy(k => k.Split('|')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  extra   {group.Key}: {group.Count()} (e.g. {group.First()})");
        }

        foreach (var control in result.Controls.Where(c => c.Outcome == ControlOutcome.NotEvaluated))
        {
            Console.WriteLine($"  not evaluated {control.Rule.Id}: {control.Reason}");
        }

        // Where the time goes: every rule once over one shared DerivedEvidence (as the evaluator does); the first rule
        // that reads the effective send-as scopes pays for computing them.
        List<(string Rule, double Seconds)> perRule = [];
        var derived = new DerivedEvidence(snapshot);
        foreach (var rule in RuleCatalog.All.OrderBy(r => r.Metadata.Id, StringComparer.Ordinal))
        {
            watch.Restart();
            rule.Evaluate(snapshot, policy, derived);
            perRule.Add((rule.Metadata.Id, watch.Elapsed.TotalSeconds));
        }

        Console.WriteLine($"rules alone, one shared DerivedEvidence, total {perRule.Sum(r => r.Seconds):0.0} s; slowest: "
            + string.Join(", ", perRule.OrderByDescending(r => r.Seconds).Take(8).Select(r => $"{r.Rule} {r.Seconds:0.00} s")));

        await ScenarioReport.WriteAsync("evaluate", $"evaluation of the generated large tenant, seed {seed} ({snapshot.ServicePrincipals.Count:N0} SPs, {snapshot.Mailboxes.Count:N0} mailboxes, {snapshot.SignIns.Count:N0} sign-ins, {snapshot.MessageTrace.Count:N0} trace rows), {findings.Count} findings",
        [
            new Figure("evaluation (30 controls)", "s", seconds, "< 10", Figure.MedianOf(seconds) < 10),
            new Figure("expected findings produced", "findings", [matched], $"= {expected}", matched == expected),
            new Figure("expected findings missing", "findings", [missing.Count], "0", missing.Count == 0),
            new Figure("findings beyond the expected", "findings", [extra.Count], "0", extra.Count == 0),
            new Figure("generate + map the snapshot (not part of the target)", "s", [build], "-", null),
        ], output, ct);
    }

    /// <summary>The generated large tenant and the snapshot a complete collection of it this period would produce.</summary>
    internal static (TenantFixture Fixture, EvidenceSnapshot Snapshot) GeneratedSnapshot(int seed, DateTimeOffset anchor)
    {
        var fixture = TenantFixture.Generate(TenantScale.Large, seed, anchor);
        var period = ReviewPeriod.Resolve(null, anchor);
        var window = ActivityWindow.For(period, anchor);
        return (fixture, GeneratedEvidence.Snapshot(fixture, DemoTenantSession.GeneratedName(TenantScale.Large, seed), anchor, window, ReviewPeriod.Start(period)));
    }

    /// <summary>
    /// The whole `review` of the generated large tenant (TenantScale.Large, <paramref name="seed"/>), throttling off
    /// on both sides, twice on one database (the second run is incremental). The simulator runs as a process of its
    /// own (`--throttling off --export`), so this process's memory is the review's alone; the review reaches it like a
    /// configured tenant, with the register from the exported register.json. The reports of the first run are kept
    /// under reports/bench/review/ for a look (page count, pages rendered to PNG by tests/bench.sh).
    /// <paramref name="simulatorDll"/> runs another build of the simulator (null: this repository's Release build).
    /// </summary>
    public static async Task ReviewAsync(int seed, string? simulatorDll, string output, CancellationToken ct)
    {
        var reports = Path.Combine(output, "review");
        if (Directory.Exists(reports))
        {
            Directory.Delete(reports, recursive: true);
        }

        await using var review = await ExternalReview.StartAsync(simulatorDll, ["--scale", "large", "--seed", seed.ToString(CultureInfo.InvariantCulture)], ct);
        var (settings, phases) = (review.Settings, review.Phases);
        List<Figure> figures = [];
        List<IReadOnlyDictionary<string, SourceFigures>> sources = [];
        for (var run = 1; run <= 2; run++)
        {
            var label = run == 1 ? "first run" : "second (incremental) run";
            var watch = Stopwatch.StartNew();
            var outcome = await review.RunAsync(run == 1 ? reports : null, ct);
            var wall = watch.Elapsed.TotalSeconds;
            sources.Add(await SourceFigures.ReadAsync(settings.Storage.DatabasePath, outcome.Run.Id, ct));
            figures.Add(new Figure($"{label}: wall time (status {outcome.Run.Status})", "s", [wall], run == 1 ? "-" : "< first", run == 1 ? null : wall < figures[0].Median));
            figures.Add(new Figure($"{label}: requests, all sources", "requests", [sources[^1].Values.Sum(s => s.Requests)], run == 1 ? "-" : "only new data", null));
            figures.AddRange(phases.Phases.Skip((run - 1) * 3).SelectMany(phase => phase.Figures(label)));

            if (run == 1)
            {
                figures.AddRange(outcome.Report.Files.Where(f => f.Name.EndsWith(".pdf", StringComparison.Ordinal) || f.Name.EndsWith(".xlsx", StringComparison.Ordinal))
                    .Select(f => new Figure($"first run: {f.Name}", "MiB", [f.Bytes / 1048576.0], "-", null)));
            }

            // Printed as soon as the run ends: a second run stopped half-way still leaves the first one's figures.
            Console.WriteLine($"{label}, sources: " + string.Join(", ", sources[^1].OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key} {x.Value.Requests} req/{x.Value.Records} rec")));
            foreach (var figure in figures.Where(f => f.Name.StartsWith(label, StringComparison.Ordinal)))
            {
                Console.WriteLine($"{figure.Name}: {ScenarioReport.Format(figure.Median)} {figure.Unit}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| {"source",-22} | {"run 1 requests",14} | {"run 1 records",13} | {"run 2 requests",14} | {"run 2 records",13} |");
        foreach (var (name, first) in sources[0].OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var second = sources[1].GetValueOrDefault(name);
            Console.WriteLine($"| {name,-22} | {first.Requests,14:N0} | {first.Records,13:N0} | {second?.Requests,14:N0} | {second?.Records,13:N0} |");
            figures.Add(new Figure($"requests {name} (run 1, run 2)", "requests", [first.Requests, second?.Requests ?? double.NaN], "-", null));
        }

        var peak = ProcStatus.KiB(Environment.ProcessId, "VmHWM") / 1024.0;
        figures.Add(new Figure("peak RSS of the review process (VmHWM)", "MiB", [peak], "< 1024", peak < 1024));
        figures.Add(new Figure("peak RSS of the simulator process (VmHWM)", "MiB", [review.SimulatorPeakResidentMiB], "-", null));
        await ScenarioReport.WriteAsync("review", $"end-to-end review of the generated large tenant, seed {seed}, simulator in its own process, throttling off, twice on one database (window: this month)", figures, output, ct);
    }

    internal static ComplianceSettings Settings(string folder)
    {
        var settings = SettingsLoader.Load(Path.Combine(RepoRoot.Path, "appsettings.json"));
        settings.Storage.DatabasePath = Path.Combine(folder, "data", "compliance.db");
        settings.Reports.OutputRoot = Path.Combine(folder, "reports");
        return settings;
    }
}
