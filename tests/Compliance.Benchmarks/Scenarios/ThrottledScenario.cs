using System.Diagnostics;
using System.Globalization;
using Compliance.Benchmarks.Harness;
using Compliance.Collectors;
using Compliance.TenantSimulator;
using Compliance.TenantSimulator.Generation;
using Compliance.Worker.Review;

namespace Compliance.Benchmarks.Scenarios;

/// <summary>
/// Collection under the simulator's documented throttling, time-scaled so a run takes about a minute, against the
/// floor the limits set: for each budget, the requests it admitted beyond its first burst ÷ its rate; the sources run
/// concurrently, so the floor is the largest of them. Wall time ÷ floor ≤ 1.2 means the pacing wastes little. Runs on a
/// reduced tenant by default, or on the generated large tenant (--tenant large, TimeScale 0.1 by default there).
/// </summary>
internal static class ThrottledScenario
{
    // The budgets of Compliance.TenantSimulator's Throttling (m365-apis.md §8), before TimeScale.
    private static readonly (string Name, int Capacity, double WindowSeconds)[] Budgets =
    [
        ("sign-ins (identity and access reports)", 5, 10), ("message trace", 100, 300), ("directory (resource units)", 3_500, 10),
        ("audit search submissions", 200, 86_400), ("log analytics", 200, 30),
    ];

    /// <summary>
    /// <paramref name="tenant"/> null: the reduced tenant (demo + 5,000 filler apps, 100,000 sign-ins); "large": the
    /// generated large tenant of <paramref name="seed"/>, collected with the review's window and approved senders.
    /// </summary>
    public static async Task RunAsync(int runs, double timeScale, string? tenant, int seed, string output, CancellationToken ct)
    {
        var anchor = DateTimeOffset.UtcNow;
        var (fixture, window, senders, described) = tenant switch
        {
            null => Reduced(anchor),
            "large" => GeneratedLarge(anchor, seed),
            _ => throw new ArgumentException($"--tenant '{tenant}': only 'large' (or no --tenant, the reduced tenant)", nameof(tenant)),
        };
        Console.WriteLine($"tenant: {described}; TimeScale {timeScale}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        List<double> ratios = [], walls = [], floors = [], throttled = [], issueRatios = [];
        List<double> cpus = [];
        List<Dictionary<string, double>> usedPerRun = [];
        for (var i = 0; i < runs; i++)
        {
            await using var bench = await BenchTenant.StartAsync(fixture, throttling: true, timeScale, ct);
            var options = Collect.Options(Collect.Scaled(timeScale), 15 * timeScale) with { SenderAddresses = senders };
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (evidence, wall) = await Collect.RunAsync(bench, window, options, null, ct);
            // CPU of this process (simulator and collectors both): above the cores × the floor, the run cannot meet it.
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var used = Use(bench.Host.Requests.Entries);
            var floor = Budgets.Max(b => Math.Max(0, used[b.Name] - b.Capacity) * b.WindowSeconds * timeScale / b.Capacity);
            var issueFloor = Budgets.Max(b => used[b.Name] * b.WindowSeconds * timeScale / b.Capacity);
            Console.WriteLine($"  run {i + 1}: wall {wall:0.0} s, floor {floor:0.0} s (" + string.Join(", ", Budgets.Select(b => $"{b.Name} {used[b.Name]}")) + ")");
            // Which source finished last: the one the wall time waited for.
            Console.WriteLine("  sources by duration: " + string.Join(", ", evidence.Sources.OrderByDescending(s => s.DurationMs).Select(s => $"{s.Name} {s.DurationMs / 1000.0:0.0} s/{s.Requests} req")));
            var refused = Refused(bench.Host.Requests.Entries);
            Console.WriteLine($"  CPU {cpu:0} s over the run = {cpu / wall:0.00} of {Environment.ProcessorCount} cores; 429s: " + string.Join(", ", Budgets.Select(b => $"{b.Name} {refused[b.Name]}")));
            Console.WriteLine($"  load average after: {File.ReadAllText("/proc/loadavg").Trim()}; peak RSS of this process (simulator + collection): {ProcStatus.KiB(Environment.ProcessId, "VmHWM") / 1024.0:0} MiB");
            walls.Add(wall);
            floors.Add(floor);
            ratios.Add(wall / floor);
            issueRatios.Add(wall / issueFloor);
            throttled.Add(bench.Host.Requests.Entries.Count(e => e.Status == 429));
            usedPerRun.Add(used);
            cpus.Add(cpu);
        }

        await ScenarioReport.WriteAsync("throttled", $"collection under documented throttling, TimeScale {timeScale}, {described}",
        [
            new Figure("wall time ÷ floor (burst-adjusted)", "ratio", ratios, "≤ 1.2", Figure.MedianOf(ratios) <= 1.2),
            new Figure("wall time ÷ (requests ÷ rate), the issue's floor", "ratio", issueRatios, "≤ 1.2", Figure.MedianOf(issueRatios) <= 1.2),
            new Figure("wall time", "s", walls, tenant is null ? "≈ 60" : "-", null),
            new Figure("floor", "s", floors, "-", null),
            new Figure("429 answers", "count", throttled, "0 (paced, not backed off)", null),
            new Figure("CPU time of the process (simulator + collection)", "s", cpus, $"< {Environment.ProcessorCount} × floor", null),
            .. Budgets.Select(b => new Figure($"requests admitted: {b.Name} ({b.Capacity} per {b.WindowSeconds:0} s before TimeScale)", "units", usedPerRun.Select(u => u[b.Name]).ToList(), "-", null)),
        ], output, ct);
    }

    /// <summary>100 sign-in pages at 5 per 10 s: 200 s of budget at scale 1, so 0.25 gives a run of about a minute.</summary>
    private static (TenantFixture, ReviewWindow, IReadOnlyList<string>, string) Reduced(DateTimeOffset anchor) =>
        (LargeFixture.Create(anchor, 5_000, 100_000), new ReviewWindow(anchor.AddDays(-30), anchor), Collect.DemoSenders, LargeFixture.Describe(5_000, 100_000));

    /// <summary>
    /// As `scenario review` collects it: this month's window reaching 89 days back (ActivityWindow) and every approved
    /// sender of the tenant's register — 2,484 message-trace requests (276 senders × 9 ten-day slices) for seed 1.
    /// </summary>
    private static (TenantFixture, ReviewWindow, IReadOnlyList<string>, string) GeneratedLarge(DateTimeOffset anchor, int seed)
    {
        var fixture = TenantFixture.Generate(TenantScale.Large, seed, anchor);
        var senders = fixture.Register.SelectMany(e => e.ApprovedSenders).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var window = ActivityWindow.For(ReviewPeriod.Resolve(null, anchor), anchor);
        return (fixture, window, senders, string.Create(CultureInfo.InvariantCulture,
            $"generated large tenant, seed {seed} ({fixture.ServicePrincipals.Count:N0} SPs, {senders.Count} approved senders), window {window.Start:yyyy-MM-dd HH:mm} → {window.End:yyyy-MM-dd HH:mm} UTC"));
    }

    /// <summary>Units each budget admitted (429s excluded), classified like the simulator's Throttling.</summary>
    private static Dictionary<string, double> Use(IReadOnlyList<RequestLogEntry> entries) => Tally(entries.Where(e => e.Status != 429), units: true);

    /// <summary>429 answers per budget: which limit the pacing overran.</summary>
    private static Dictionary<string, double> Refused(IReadOnlyList<RequestLogEntry> entries) => Tally(entries.Where(e => e.Status == 429), units: false);

    private static Dictionary<string, double> Tally(IEnumerable<RequestLogEntry> entries, bool units)
    {
        var tally = Budgets.ToDictionary(b => b.Name, _ => 0.0);
        foreach (var e in entries)
        {
            var path = e.PathAndQuery;
            // The sign-in activity report draws on the sign-ins' budget in the simulator (Throttling.Classify).
            if (path.Contains("/auditLogs/", StringComparison.OrdinalIgnoreCase) || path.Contains("/reports/servicePrincipalSignInActivities", StringComparison.OrdinalIgnoreCase))
            {
                tally[Budgets[0].Name]++;
            }
            else if (path.Contains("/admin/exchange/tracing/", StringComparison.OrdinalIgnoreCase))
            {
                tally[Budgets[1].Name]++;
            }
            else if (path.Contains("/security/auditLog/queries", StringComparison.OrdinalIgnoreCase))
            {
                tally[Budgets[3].Name] += e.Method == "POST" ? 1 : 0;
            }
            else if (path.StartsWith("/v1/workspaces/", StringComparison.OrdinalIgnoreCase))
            {
                tally[Budgets[4].Name]++;
            }
            else if (e.Method == "GET" && (path.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/beta/", StringComparison.OrdinalIgnoreCase)))
            {
                tally[Budgets[2].Name] += !units ? 1 : path.Contains("select=", StringComparison.OrdinalIgnoreCase) ? 1 : 2;
            }
        }

        return tally;
    }
}
