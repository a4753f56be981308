using Compliance.Benchmarks.Harness;
using Compliance.Collectors;
using Compliance.Rules.Evidence;

namespace Compliance.Benchmarks.Scenarios;

/// <summary>
/// Directory inventory of a tenant with 100,000 service principals: how many requests applications, service
/// principals and app-role grants cost (never N+1: one paged sweep each, 999 a page), against ScubaGear's ≥ 1 per SP.
/// </summary>
internal static class InventoryScenario
{
    public static async Task RunAsync(int runs, string output, CancellationToken ct)
    {
        const int servicePrincipals = 100_000;
        var anchor = DateTimeOffset.UtcNow;
        // The demo has 7 apps and 2 resource SPs besides its fillers.
        var fixture = LargeFixture.Create(anchor, servicePrincipals - 9, 0);
        await using var tenant = await BenchTenant.StartAsync(fixture, throttling: false, timeScale: 1, ct);
        var window = new ReviewWindow(anchor.AddDays(-30), anchor);
        List<double> requests = [], seconds = [], records = [];
        for (var i = 0; i < runs; i++)
        {
            var (evidence, wall) = await Collect.RunAsync(tenant, window, Collect.Options(Collect.Unpaced, 0.05), null, ct);
            requests.Add(Collect.Requests(evidence, EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.AppRoleGrants));
            records.Add(evidence.ServicePrincipals.Count);
            seconds.Add(wall);
        }

        await ScenarioReport.WriteAsync("inventory", $"directory inventory, {fixture.ServicePrincipals.Count:N0} service principals, throttling off",
        [
            new Figure("service principals collected", "SPs", records, $"= {fixture.ServicePrincipals.Count}", records.All(r => (int)r == fixture.ServicePrincipals.Count)),
            new Figure("requests: applications + servicePrincipals + appRoleGrants", "requests", requests, "≤ 300", Figure.MedianOf(requests) <= 300),
            new Figure("wall time of the whole collection (all 13 sources)", "s", seconds, "-", null),
        ], output, ct);
    }
}
