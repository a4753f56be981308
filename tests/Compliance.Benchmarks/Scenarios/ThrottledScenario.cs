using Compliance.Benchmarks.Harness;
using Compliance.Collectors;
using Compliance.TenantSimulator;

namespace Compliance.Benchmarks.Scenarios;

/// <summary>
/// Collection under the simulator's documented throttling, time-scaled so a run takes about a minute, against the
/// floor the limits set: for each budget, the requests it admitted beyond its first burst ÷ its rate; the sources run
/// concurrently, so the floor is the largest of them. Wall time ÷ floor ≤ 1.2 means the pacing wastes little.
/// </summary>
internal static class ThrottledScenario
{
    // The budgets of Compliance.TenantSimulator's Throttling (m365-apis.md §8), before TimeScale.
    private static readonly (string Name, int Capacity, double WindowSeconds)[] Budgets =
    [
        ("sign-ins (identity and access reports)", 5, 10), ("message trace", 100, 300), ("directory (resource units)", 3_500, 10),
        ("audit search submissions", 200, 86_400), ("log analytics", 200, 30),
    ];

    public static async Task RunAsync(int runs, double timeScale, string output, CancellationToken ct)
    {
        var anchor = DateTimeOffset.UtcNow;
        // 100 sign-in pages at 5 per 10 s: 200 s of budget at scale 1, so 0.25 gives a run of about a minute.
        var fixture = LargeFixture.Create(anchor, 5_000, 100_000);
        var window = new ReviewWindow(anchor.AddDays(-30), anchor);
        List<double> ratios = [], walls = [], floors = [], throttled = [], issueRatios = [];
        for (var i = 0; i < runs; i++)
        {
            await using var tenant = await BenchTenant.StartAsync(fixture, throttling: true, timeScale, ct);
            var (evidence, wall) = await Collect.RunAsync(tenant, window, Collect.Options(Collect.Scaled(timeScale), 15 * timeScale), null, ct);
            var used = Use(tenant.Host.Requests.Entries);
            var floor = Budgets.Max(b => Math.Max(0, used[b.Name] - b.Capacity) * b.WindowSeconds * timeScale / b.Capacity);
            var issueFloor = Budgets.Max(b => used[b.Name] * b.WindowSeconds * timeScale / b.Capacity);
            Console.WriteLine($"  run {i + 1}: wall {wall:0.0} s, floor {floor:0.0} s (" + string.Join(", ", Budgets.Select(b => $"{b.Name} {used[b.Name]}")) + ")");
            walls.Add(wall);
            floors.Add(floor);
            ratios.Add(wall / floor);
            issueRatios.Add(wall / issueFloor);
            throttled.Add(tenant.Host.Requests.Entries.Count(e => e.Status == 429));
        }

        await ScenarioReport.WriteAsync("throttled", $"collection under documented throttling, TimeScale {timeScale}, {LargeFixture.Describe(5_000, 100_000)}",
        [
            new Figure("wall time ÷ floor (burst-adjusted)", "ratio", ratios, "≤ 1.2", Figure.MedianOf(ratios) <= 1.2),
            new Figure("wall time ÷ (requests ÷ rate), the issue's floor", "ratio", issueRatios, "≤ 1.2", Figure.MedianOf(issueRatios) <= 1.2),
            new Figure("wall time", "s", walls, "≈ 60", null),
            new Figure("floor", "s", floors, "-", null),
            new Figure("429 answers", "count", throttled, "0 (paced, not backed off)", null),
        ], output, ct);
    }

    /// <summary>Units each budget admitted (429s excluded), classified like the simulator's Throttling.</summary>
    private static Dictionary<string, double> Use(IReadOnlyList<RequestLogEntry> entries)
    {
        var used = Budgets.ToDictionary(b => b.Name, _ => 0.0);
        foreach (var e in entries.Where(e => e.Status != 429))
        {
            var path = e.PathAndQuery;
            if (path.Contains("/auditLogs/", StringComparison.OrdinalIgnoreCase))
            {
                used[Budgets[0].Name]++;
            }
            else if (path.Contains("/admin/exchange/tracing/", StringComparison.OrdinalIgnoreCase))
            {
                used[Budgets[1].Name]++;
            }
            else if (path.Contains("/security/auditLog/queries", StringComparison.OrdinalIgnoreCase))
            {
                used[Budgets[3].Name] += e.Method == "POST" ? 1 : 0;
            }
            else if (path.StartsWith("/v1/workspaces/", StringComparison.OrdinalIgnoreCase))
            {
                used[Budgets[4].Name]++;
            }
            else if (e.Method == "GET" && (path.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/beta/", StringComparison.OrdinalIgnoreCase)))
            {
                used[Budgets[2].Name] += path.Contains("select=", StringComparison.OrdinalIgnoreCase) ? 1 : 2;
            }
        }

        return used;
    }
}
