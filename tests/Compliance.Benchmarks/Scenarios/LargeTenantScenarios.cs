using System.Diagnostics;
using Compliance.Benchmarks.Harness;
using Compliance.Rules.Catalog;
using Compliance.Rules.Engine;
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
    private const int Fillers = 100_000 - 9;
    private const int SignIns = 1_000_000;

    /// <summary>
    /// The generated large tenant (TenantFixture.Generate, TenantScale.Large) mapped straight to an EvidenceSnapshot —
    /// no HTTP — and evaluated <paramref name="runs"/> times; the findings are compared with the fixture's expected
    /// findings (ruleId, resourceId, qualifier, severity). Each rule is also timed alone once, to show where time goes.
    /// </summary>
    public static async Task EvaluateAsync(int runs, int seed, string output, CancellationToken ct)
    {
        var anchor = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var fixture = TenantFixture.Generate(TenantScale.Large, seed, anchor);
        var period = ReviewPeriod.Resolve(null, anchor);
        var window = ActivityWindow.For(period, anchor);
        var snapshot = GeneratedEvidence.Snapshot(fixture, DemoTenantSession.GeneratedName(TenantScale.Large, seed), anchor, window, ReviewPeriod.Start(period));
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

    public static async Task ReviewAsync(string output, CancellationToken ct)
    {
        var anchor = DateTimeOffset.UtcNow;
        var fixture = LargeFixture.Create(anchor, Fillers, SignIns);
        await using var tenant = await BenchTenant.StartAsync(fixture, throttling: false, timeScale: 1, ct);
        var folder = Directory.CreateTempSubdirectory("compliance-bench-review-").FullName;
        GC.Collect();
        var baseline = Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
        try
        {
            var settings = Settings(folder);
            var pipeline = new ReviewPipeline(settings, TimeProvider.System, new RunLog(Console.Out, TimeProvider.System))
            {
                CollectionDefaults = Collect.Options(Collect.Unpaced, 0.05),
            };
            List<Figure> figures = [];
            double firstRequests = 0, firstSignInRequests = 0;
            for (var run = 1; run <= 2; run++)
            {
                tenant.Host.Requests.Clear();
                var watch = Stopwatch.StartNew();
                var outcome = await pipeline.RunAsync(tenant, new ReviewRequest("demo", true, null, folder), ct);
                var wall = watch.Elapsed.TotalSeconds;
                var requests = tenant.Host.Requests.Entries.Count;
                var signInRequests = tenant.Host.Requests.Entries.Count(r => r.PathAndQuery.Contains("/auditLogs/", StringComparison.OrdinalIgnoreCase));
                var label = run == 1 ? "first run" : "second (incremental) run";
                figures.Add(new Figure($"{label}: wall time (status {outcome.Run.Status})", "s", [wall], run == 1 ? "-" : "< first", null));
                figures.Add(new Figure($"{label}: requests", "requests", [requests], run == 1 ? "-" : "only new data", run == 1 ? null : requests < firstRequests));
                figures.Add(new Figure($"{label}: sign-in requests", "requests", [signInRequests], run == 1 ? "-" : "only new data", run == 1 ? null : signInRequests < firstSignInRequests));
                if (run == 1)
                {
                    firstRequests = requests;
                    firstSignInRequests = signInRequests;
                }
            }

            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
            figures.Add(new Figure("peak resident memory of this process (simulator included)", "MiB", [peak], "< 1024", peak < 1024));
            figures.Add(new Figure("resident memory with the simulator loaded, before the review", "MiB", [baseline], "-", null));
            await ScenarioReport.WriteAsync("review", $"end-to-end review, {LargeFixture.Describe(Fillers, SignIns)}, throttling off (window: this month)", figures, output, ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ComplianceSettings Settings(string folder)
    {
        var settings = SettingsLoader.Load(Path.Combine(RepoRoot.Path, "appsettings.json"));
        settings.Storage.DatabasePath = Path.Combine(folder, "data", "compliance.db");
        settings.Reports.OutputRoot = Path.Combine(folder, "reports");
        return settings;
    }
}
