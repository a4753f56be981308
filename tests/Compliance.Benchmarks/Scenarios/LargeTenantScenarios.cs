using System.Diagnostics;
using Compliance.Benchmarks.Harness;
using Compliance.Collectors;
using Compliance.Rules.Catalog;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
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

    public static async Task EvaluateAsync(int runs, string output, CancellationToken ct)
    {
        var anchor = DateTimeOffset.UtcNow;
        var fixture = LargeFixture.Create(anchor, Fillers, SignIns);
        await using var tenant = await BenchTenant.StartAsync(fixture, throttling: false, timeScale: 1, ct);
        var window = new ReviewWindow(anchor.AddDays(-30), anchor);
        var (e, _) = await Collect.RunAsync(tenant, window, Collect.Options(Collect.Unpaced, 0.05), null, ct);
        var settings = Settings(Path.GetTempPath());
        var snapshot = new EvidenceSnapshot("demo", anchor, e.Sources, e.Applications, e.ServicePrincipals, e.AppRoleGrants, e.AccessPolicies, settings.RegisterFor("demo"))
        {
            DelegatedGrants = e.DelegatedGrants, ExchangeRoleAssignments = e.ExchangeRoleAssignments, ManagementScopes = e.ManagementScopes,
            Mailboxes = e.Mailboxes, Groups = e.Groups, AdministrativeUnits = e.AdministrativeUnits, OrganizationConfig = e.OrganizationConfig,
            SignIns = e.SignIns, MessageTrace = e.MessageTrace, MailboxAudit = e.MailboxAudit, WindowStart = window.Start, PeriodStart = window.Start,
        };
        List<double> seconds = [];
        var findings = 0;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = new Evaluator(RuleCatalog.All).Evaluate(snapshot, settings.Policy, FindingHistory.None);
            seconds.Add(watch.Elapsed.TotalSeconds);
            findings = result.Findings.Count;
        }

        await ScenarioReport.WriteAsync("evaluate", $"evaluation of the large tenant ({e.ServicePrincipals.Count:N0} SPs, {e.SignIns.Count:N0} sign-ins), {findings} findings",
        [
            new Figure("evaluation (30 controls)", "s", seconds, "< 10", Figure.MedianOf(seconds) < 10),
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
