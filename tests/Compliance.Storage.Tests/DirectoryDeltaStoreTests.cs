using Compliance.Rules.Evidence;

namespace Compliance.Storage.Tests;

/// <summary>The delta checkpoint and merged objects of a directory source, per tenant and source.</summary>
public class DirectoryDeltaStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 6, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task A_full_round_replaces_every_object_and_a_later_round_upserts_and_removes()
    {
        using var temp = new TempDatabase();
        var store = new DirectoryDeltaStore(await temp.OpenAsync());
        var ct = CancellationToken.None;
        Assert.Null(await store.CheckpointAsync("t1", "groups", ct));

        await store.SaveAsync("t1", "groups", new DeltaCheckpoint("https://g/v1.0/groups/delta()?$deltatoken=a", At), true,
            [new("g1", "{\"id\":\"g1\"}"), new("g2", "{\"id\":\"g2\"}"), new("g3", "{\"id\":\"g3\"}")], [], ct);
        await store.SaveAsync("t1", "groups", new DeltaCheckpoint("https://g/v1.0/groups/delta()?$deltatoken=b", At.AddHours(1)), false,
            [new("g2", "{\"id\":\"g2\",\"displayName\":\"renamed\"}"), new("g4", "{\"id\":\"g4\"}")], ["g3"], ct);

        Assert.Equal(
            ["g1:{\"id\":\"g1\"}", "g2:{\"id\":\"g2\",\"displayName\":\"renamed\"}", "g4:{\"id\":\"g4\"}"],
            await RowsAsync(store, "t1", "groups"));
        var checkpoint = await store.CheckpointAsync("t1", "groups", ct);
        Assert.Equal("https://g/v1.0/groups/delta()?$deltatoken=b", checkpoint!.DeltaLink);
        Assert.Equal(At.AddHours(1), checkpoint.ReceivedAt);

        await store.SaveAsync("t1", "groups", new DeltaCheckpoint("https://g/v1.0/groups/delta()?$deltatoken=c", At.AddHours(2)), true, [new("g9", "{}")], [], ct);
        Assert.Equal(["g9:{}"], await RowsAsync(store, "t1", "groups"));
    }

    [Fact]
    public async Task Tenants_and_sources_are_kept_apart()
    {
        using var temp = new TempDatabase();
        var store = new DirectoryDeltaStore(await temp.OpenAsync());
        var ct = CancellationToken.None;
        await store.SaveAsync("t1", "groups", new DeltaCheckpoint("l1", At), true, [new("x", "1")], [], ct);
        await store.SaveAsync("t2", "groups", new DeltaCheckpoint("l2", At), true, [new("x", "2")], [], ct);
        await store.SaveAsync("t1", "servicePrincipals", new DeltaCheckpoint("l3", At), true, [new("x", "3")], [], ct);

        await store.SaveAsync("t1", "groups", new DeltaCheckpoint("l4", At), true, [], [], ct);

        Assert.Empty(await RowsAsync(store, "t1", "groups"));
        Assert.Equal(["x:2"], await RowsAsync(store, "t2", "groups"));
        Assert.Equal(["x:3"], await RowsAsync(store, "t1", "servicePrincipals"));
        Assert.Equal("l2", (await store.CheckpointAsync("t2", "groups", ct))!.DeltaLink);
    }

    private static async Task<List<string>> RowsAsync(DirectoryDeltaStore store, string tenant, string source)
    {
        var rows = new List<string>();
        await foreach (var row in store.ReadAsync(tenant, source, CancellationToken.None))
        {
            rows.Add($"{row.Id}:{row.Json}");
        }

        return rows;
    }
}
