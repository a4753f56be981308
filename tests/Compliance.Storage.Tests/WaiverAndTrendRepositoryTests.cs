using Compliance.Rules.Engine;
using Compliance.Rules.Review;

namespace Compliance.Storage.Tests;

public class WaiverAndTrendRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Waivers_round_trip_and_revoke_once()
    {
        using var temp = new TempDatabase();
        var repository = new WaiverRepository(await temp.OpenAsync());
        var waiver = new Waiver("W-1", "SCOPE-004", "app-1", null, "migrating", "ciso@contoso.example", "RISK-1", Now, Now.AddDays(30), null);
        await repository.AddAsync(waiver, "demo", CancellationToken.None);
        await repository.AddAsync(waiver with { Id = "W-2" }, "other", CancellationToken.None);

        Assert.Equal([waiver], await repository.ListAsync("demo", CancellationToken.None));
        Assert.True(await repository.RevokeAsync("W-1", Now.AddDays(1), CancellationToken.None));
        Assert.False(await repository.RevokeAsync("W-1", Now.AddDays(2), CancellationToken.None));
        Assert.Equal(Now.AddDays(1), (await repository.ListAsync("demo", CancellationToken.None)).Single().RevokedAt);
    }

    [Fact]
    public async Task Trend_of_a_run_without_findings_is_all_zero()
    {
        using var temp = new TempDatabase();
        var database = await temp.OpenAsync();
        var runs = new RunRepository(database);
        var run = new RunInfo("r1", "demo", "t", "2026-11", Now, Now.AddMinutes(1), RunStatus.Completed);
        await runs.StartAsync(run, Now, CancellationToken.None);
        await runs.CompleteAsync(run, null, "chain", CancellationToken.None);

        var point = Assert.Single(await new TrendRepository(database).RecentAsync("demo", 12, CancellationToken.None));
        Assert.Equal(new RunTrendPoint("r1", "2026-11", Now.AddMinutes(1), 0, 0, 0, 0), point);
    }

    [Fact]
    public void Waiver_states_for_the_report()
    {
        var periodStart = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        Waiver W(DateTimeOffset until, DateTimeOffset? revoked = null) => new("W", "R", "x", null, "r", "a@b.c", null, Now.AddDays(-60), until, revoked);
        Assert.Equal("active", WaiverStates.StateOf(W(Now.AddDays(31)), Now, periodStart));
        Assert.Equal("expiring", WaiverStates.StateOf(W(Now.AddDays(30)), Now, periodStart));
        Assert.Equal("expired", WaiverStates.StateOf(W(Now.AddDays(-3)), Now, periodStart));
        Assert.Null(WaiverStates.StateOf(W(periodStart.AddDays(-1)), Now, periodStart));
        Assert.Equal("revoked", WaiverStates.StateOf(W(Now.AddDays(40), Now.AddDays(-1)), Now, periodStart));
    }
}
