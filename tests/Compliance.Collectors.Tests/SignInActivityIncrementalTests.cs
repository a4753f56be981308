using System.Text.Json.Nodes;
using Compliance.Rules.Evidence;
using Compliance.Storage;
using Compliance.TenantSimulator;

namespace Compliance.Collectors.Tests;

/// <summary>
/// The sign-in activity report read incrementally: a second run reads the report newest first only down to the first
/// run's time less a day and merges by appId — fewer requests, the same entries as a full read after new sign-ins. A
/// refused or ignored $orderby, or a stored copy over 7 days old, reads in full (a resync); a failed run leaves the copy
/// in force.
/// The demo's report has 47 entries at the first run (its 7 apps that sign in, 40 fillers last seen 30 days ago): three
/// pages of 20. Proseware signs in for the first time, and a filler again, between the two runs.
/// </summary>
public sealed class SignInActivityIncrementalTests : IDisposable
{
    private const string Proseware = "11111111-1111-4111-8111-000000000007";
    private static readonly DateTimeOffset FirstRun = RunningTenant.Anchor.AddHours(-1);
    private static readonly DateTimeOffset SecondRun = RunningTenant.Anchor.AddHours(1);
    private readonly string folder = Directory.CreateTempSubdirectory("compliance-activity-").FullName;

    [Fact]
    public async Task A_second_run_reads_only_the_newest_page_and_yields_the_same_entries_as_a_full_read()
    {
        var clock = new SettableClock(FirstRun);
        await using var tenant = await RunningTenant.StartAsync(Fixture(), clock);
        var store = await StoreAsync();

        var (first, _) = await tenant.CollectAsync(time: clock, activityStore: store);
        clock.Set(SecondRun);
        var (second, _) = await tenant.CollectAsync(time: clock, activityStore: store);
        var (full, _) = await tenant.CollectAsync(time: clock);

        // Pages, not requests, are exact: a 429 from the simulator's sign-in budget, shared with the sign-ins, is retried.
        Assert.Equal((SourceState.Collected, 47L, 3), (Source(first).State, Source(first).Records, Source(first).Pages));
        Assert.Equal((SourceState.Collected, 48L, 1, 0), (Source(second).State, Source(second).Records, Source(second).Pages, Source(second).Resyncs));
        Assert.Equal(3, Source(full).Pages);
        Assert.True(Source(second).Requests < Source(first).Requests, $"run 2 made {Source(second).Requests} requests, run 1 {Source(first).Requests}");
        Assert.Equal(Entries(full), Entries(second));
        Assert.DoesNotContain(first.SignInActivity, a => a.AppId == Proseware);
        Assert.InRange(Assert.Single(second.SignInActivity, a => a.AppId == Proseware).LastSignIn!.Value, FirstRun, SecondRun);
        Assert.True(first.SignInActivity.Single(a => a.AppId == Fillers[0]).LastSignIn < FirstRun.AddDays(-29));
        Assert.InRange(second.SignInActivity.Single(a => a.AppId == Fillers[0]).LastSignIn!.Value, FirstRun, SecondRun);
        Assert.Contains(tenant.Host.Requests.Entries, e => e.PathAndQuery.Contains("$orderby=lastSignInActivity/lastSignInDateTime%20desc", StringComparison.Ordinal));
    }

    /// <summary>
    /// Refused: the 400 answer, then the three pages of the full read (4 requests, 3 pages). Ignored: the first page, in
    /// appId order, gives it away; then the three pages of the full read (4 pages). Retries of a 429 aside.
    /// </summary>
    [Theory]
    [InlineData("signInActivityOrderByRefused", 400, 3)]
    [InlineData("signInActivityOrderByIgnored", 200, 4)]
    public async Task An_orderby_refused_or_ignored_falls_back_to_the_full_read_and_counts_a_resync(string failure, int orderedStatus, int pages)
    {
        var clock = new SettableClock(FirstRun);
        await using var tenant = await RunningTenant.StartAsync(Fixture(demo => demo["failures"] = new JsonObject { [failure] = true }), clock);
        var store = await StoreAsync();

        await tenant.CollectAsync(time: clock, activityStore: store);
        clock.Set(SecondRun);
        var (second, _) = await tenant.CollectAsync(time: clock, activityStore: store);
        var (full, _) = await tenant.CollectAsync(time: clock);

        Assert.Equal((SourceState.Collected, null, pages, 1), (Source(second).State, Source(second).Reason, Source(second).Pages, Source(second).Resyncs));
        Assert.Equal(4, Source(second).Requests - Source(second).Retries);
        Assert.Equal(Entries(full), Entries(second));
        Assert.Contains(tenant.Host.Requests.Entries, e => e.PathAndQuery.Contains("$orderby=", StringComparison.Ordinal) && e.Status == orderedStatus);
    }

    [Fact]
    public async Task A_copy_older_than_seven_days_is_read_again_in_full()
    {
        var clock = new SettableClock(FirstRun);
        await using var tenant = await RunningTenant.StartAsync(Fixture(), clock);
        var store = await StoreAsync();

        await tenant.CollectAsync(time: clock, activityStore: store);
        clock.Set(FirstRun.AddDays(7).AddMinutes(1));
        var (late, _) = await tenant.CollectAsync(time: clock, activityStore: store);

        Assert.Equal((SourceState.Collected, 48L, 3, 1), (Source(late).State, Source(late).Records, Source(late).Pages, Source(late).Resyncs));
    }

    [Fact]
    public async Task A_failed_run_is_not_collected_and_leaves_the_stored_copy_in_force()
    {
        var clock = new SettableClock(FirstRun);
        await using var tenant = await RunningTenant.StartAsync(Fixture(), clock);
        await using var denied = await RunningTenant.StartAsync(Fixture(demo => demo["failures"] = JsonNode.Parse("""{ "deniedPermissions": ["signInActivity"] }""")), clock);
        var store = await StoreAsync();

        await tenant.CollectAsync(time: clock, activityStore: store);
        clock.Set(SecondRun);
        var (failed, _) = await denied.CollectAsync(denied.Connection(), time: clock, activityStore: store);
        var (third, _) = await tenant.CollectAsync(time: clock, activityStore: store);
        var (full, _) = await tenant.CollectAsync(time: clock);

        Assert.Equal(SourceState.NotCollected, Source(failed).State);
        Assert.Contains("AuditLog.Read.All", Source(failed).Reason, StringComparison.Ordinal);
        Assert.Empty(failed.SignInActivity);
        // Still incremental from the first run's copy: one page, nothing lost.
        Assert.Equal((SourceState.Collected, 1, 0), (Source(third).State, Source(third).Pages, Source(third).Resyncs));
        Assert.Equal(Entries(full), Entries(third));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Forty of the demo's generated filler apps.</summary>
    private static readonly List<string> Fillers = TenantFixture.LoadDemo(RunningTenant.Anchor).Applications
        .Select(a => a.AppId).Where(id => !id.StartsWith("11111111-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(40).ToList();

    /// <summary>The demo with the fillers' sign-ins 30 days back, Proseware's first at now-20m and the first filler's again at now-10m.</summary>
    private static TenantFixture Fixture(Action<JsonObject>? more = null) => FixtureJson.Edited(demo =>
    {
        var signIns = demo["activity"]!["signIns"]!.AsArray();
        foreach (var filler in Fillers)
        {
            signIns.Add(new JsonObject { ["appId"] = filler, ["at"] = "now-30d" });
        }

        signIns.Add(new JsonObject { ["appId"] = Proseware, ["at"] = "now-20m" });
        signIns.Add(new JsonObject { ["appId"] = Fillers[0], ["at"] = "now-10m" });
        more?.Invoke(demo);
    });

    private async Task<SignInActivityStore> StoreAsync() =>
        new(await SqliteDatabase.OpenAsync(Path.Combine(folder, "compliance.db"), CancellationToken.None));

    private static SourceResult Source(CollectedEvidence evidence) => evidence.Sources.Single(s => s.Name == EvidenceSources.SignInActivity);

    private static List<string> Entries(CollectedEvidence evidence) =>
        evidence.SignInActivity.Select(a => $"{a.AppId}|{a.LastAppOnlySignIn:O}|{a.LastSignIn:O}").Order(StringComparer.Ordinal).ToList();
}
