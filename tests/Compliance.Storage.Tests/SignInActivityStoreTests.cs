using Compliance.Rules.Evidence;

namespace Compliance.Storage.Tests;

/// <summary>The stored sign-in activity report: entries by appId and the time of the read, per tenant.</summary>
public class SignInActivityStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 6, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task A_full_read_replaces_the_copy_and_a_later_read_replaces_changed_entries_by_app_id()
    {
        using var temp = new TempDatabase();
        var store = new SignInActivityStore(await temp.OpenAsync());
        var ct = CancellationToken.None;
        Assert.Null(await store.ReadAsync("t1", ct));

        await store.SaveAsync("t1", At, replaceAll: true, [new("a1", At.AddDays(-3), At.AddDays(-2)), new("a2", null, At.AddDays(-5)), new("a3", null, null)], ct);
        await store.SaveAsync("t1", At.AddHours(6), replaceAll: false, [new("a2", At.AddHours(1), At.AddHours(1)), new("a4", At.AddHours(2), At.AddHours(2))], ct);

        var copy = await store.ReadAsync("t1", ct);
        Assert.Equal(At.AddHours(6), copy!.ReadAt);
        Assert.Equal(
            [new("a1", At.AddDays(-3), At.AddDays(-2)), new("a2", At.AddHours(1), At.AddHours(1)), new("a3", null, null), new ServicePrincipalSignInActivity("a4", At.AddHours(2), At.AddHours(2))],
            copy.Entries);

        await store.SaveAsync("t1", At.AddDays(8), replaceAll: true, [new("a9", null, At)], ct);
        Assert.Equal([new ServicePrincipalSignInActivity("a9", null, At)], (await store.ReadAsync("t1", ct))!.Entries);
    }

    [Fact]
    public async Task Tenants_are_kept_apart()
    {
        using var temp = new TempDatabase();
        var store = new SignInActivityStore(await temp.OpenAsync());
        var ct = CancellationToken.None;
        await store.SaveAsync("t1", At, replaceAll: true, [new("a1", null, At)], ct);
        await store.SaveAsync("t2", At.AddHours(1), replaceAll: true, [new("a2", null, At)], ct);

        await store.SaveAsync("t1", At.AddHours(2), replaceAll: true, [], ct);

        Assert.Empty((await store.ReadAsync("t1", ct))!.Entries);
        var other = await store.ReadAsync("t2", ct);
        Assert.Equal((At.AddHours(1), "a2"), (other!.ReadAt, Assert.Single(other.Entries).AppId));
    }
}
