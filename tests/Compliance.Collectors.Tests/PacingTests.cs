using Compliance.Collectors.Pacing;
using Compliance.Rules.Evidence;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Collectors.Tests;

public class PacingTests
{
    [Fact]
    public async Task Pacer_admits_the_budget_then_waits_for_the_oldest_spend_to_leave_the_window()
    {
        var time = new FakeTimeProvider(RunningTenant.Anchor);
        using var pacer = new RequestPacer("signIns", 5, TimeSpan.FromSeconds(10), time);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(pacer.WaitAsync(1, CancellationToken.None).IsCompleted);
        }

        var sixth = pacer.WaitAsync(1, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(10.9)); // the service's 10 s plus the pacer's 10 % margin, less 0.1 s
        await Task.Delay(20);
        Assert.False(sixth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await sixth.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(11), pacer.Waited);
    }

    [Fact]
    public async Task Retry_after_pauses_everyone_sharing_the_budget()
    {
        var time = new FakeTimeProvider(RunningTenant.Anchor);
        using var pacer = new RequestPacer("messageTrace", 100, TimeSpan.FromMinutes(5), time);
        pacer.PauseUntil(time.GetUtcNow().AddSeconds(30));
        var next = pacer.WaitAsync(1, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(20);
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Resource_units_are_charged_per_request_and_select_costs_one_less()
    {
        var time = new FakeTimeProvider(RunningTenant.Anchor);
        using var pacer = new RequestPacer("directory", 4, TimeSpan.FromSeconds(10), time);
        await pacer.WaitAsync(2, CancellationToken.None); // GET without $select: 2 RU
        await pacer.WaitAsync(1, CancellationToken.None);
        await pacer.WaitAsync(1, CancellationToken.None);
        var fifth = pacer.WaitAsync(1, CancellationToken.None);
        await Task.Delay(20);
        Assert.False(fifth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(11));
        await fifth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Directory_sources_pace_themselves_against_the_simulator_instead_of_drawing_429s()
    {
        await using var tenant = await RunningTenant.StartAsync();
        // 10 RU per second shared by every directory source: the whole directory read needs well over 10 RU.
        var options = RunningTenant.Options with
        {
            Pacing = RunningTenant.Options.Pacing with { Directory = new PacingLimit(10, TimeSpan.FromSeconds(1)) },
        };
        var started = TimeProvider.System.GetTimestamp();
        var (evidence, sink) = await tenant.CollectAsync(options: options);
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        string[] directory = [EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.AppRoleGrants, EvidenceSources.DelegatedGrants,
            EvidenceSources.Groups, EvidenceSources.AdministrativeUnits, EvidenceSources.Mailboxes, EvidenceSources.ExchangeRbac];
        var requests = evidence.Sources.Where(s => directory.Contains(s.Name)).Sum(s => s.Requests);
        Assert.True(requests > 30, $"{requests} directory requests");
        // Each $select read costs 1 RU and the rest 2: at 10 RU/s the floor is at least (requests/10 - 1) seconds.
        Assert.True(elapsed >= TimeSpan.FromSeconds(requests / 10.0 - 1), $"{requests} requests in {elapsed}");
        Assert.All(evidence.Sources.Where(s => directory.Contains(s.Name)), s => Assert.Equal(0, s.Throttled));
        // Paced sends: 11 pages never arrive within one window (less 0.2 s of round-trip jitter: pages are stamped on arrival).
        // Exchange admin API pages (Get-Mailbox, Get-Group, …) belong to sources here but not to Graph's directory budget.
        var times = sink.Pages.Where(p => directory.Contains(p.Source) && !p.RequestUri.Contains("/adminapi/", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.FetchedAt).Order().ToList();
        for (var i = 0; i + 10 < times.Count; i++)
        {
            Assert.True(times[i + 10] - times[i] >= TimeSpan.FromSeconds(0.8), $"11 pages within {times[i + 10] - times[i]}");
        }
    }
}
