using Compliance.Rules.Evidence;
using Dapper;

namespace Compliance.Storage.Tests;

/// <summary>
/// A delta round written page by page: staged apart from the stored objects, seen by the round's own lookups, made
/// the source's objects only when complete — and dropped, with the previous round left in force, when it is not.
/// </summary>
public class DirectoryDeltaRoundTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_continuing_round_sees_its_staged_pages_over_the_stored_objects_and_completes_as_upserts_and_removals()
    {
        using var temp = new TempDatabase();
        var store = new DirectoryDeltaStore(await temp.OpenAsync());
        await store.SaveAsync("t1", "groups", new DeltaCheckpoint("link-a", At), true, [new("g1", "{\"v\":1}"), new("g2", "{\"v\":1}"), new("g3", "{\"v\":1}")], [], Ct);

        await using var round = await store.BeginRoundAsync("t1", "groups", replaceAll: false, At.AddHours(1), Ct);
        await round.StageAsync([new("g1", "{\"v\":2}"), new("g4", "{\"v\":2}")], ["g3"], Ct);

        Assert.Equal(
            ["g1:{\"v\":2}", "g2:{\"v\":1}", "g4:{\"v\":2}"],
            (await round.CurrentAsync(["g1", "g2", "g3", "g4", "g5"], Ct)).Select(o => $"{o.Key}:{o.Value}").Order(StringComparer.Ordinal));
        // Nothing of the round is the source's before it completes.
        Assert.Equal(["g1:{\"v\":1}", "g2:{\"v\":1}", "g3:{\"v\":1}"], await RowsAsync(store.ReadAsync("t1", "groups", Ct)));

        await round.StageAsync([new("g3", "{\"v\":3}")], ["g4"], Ct);
        await round.CompleteAsync(new DeltaCheckpoint("link-b", At.AddHours(1)), Ct);

        Assert.Equal(["g1:{\"v\":2}", "g2:{\"v\":1}", "g3:{\"v\":3}"], await RowsAsync(round.ReadAsync(Ct)));
        Assert.Equal("link-b", (await store.CheckpointAsync("t1", "groups", Ct))!.DeltaLink);
        Assert.Equal(0, await StagedRowsAsync(temp));
    }

    [Fact]
    public async Task A_round_that_starts_over_sees_only_its_own_pages_and_replaces_every_object()
    {
        using var temp = new TempDatabase();
        var store = new DirectoryDeltaStore(await temp.OpenAsync());
        await store.SaveAsync("t1", "apps", new DeltaCheckpoint("link-a", At), true, [new("a1", "{}"), new("a2", "{}")], [], Ct);
        await store.SaveAsync("t2", "apps", new DeltaCheckpoint("link-x", At), true, [new("a1", "{\"other\":true}")], [], Ct);

        await using var round = await store.BeginRoundAsync("t1", "apps", replaceAll: true, At, Ct);
        Assert.Empty(await round.CurrentAsync(["a1", "a2"], Ct));
        await round.StageAsync([new("a2", "{\"new\":true}"), new("a9", "{}")], [], Ct);
        await round.CompleteAsync(new DeltaCheckpoint("link-b", At), Ct);

        Assert.Equal(["a2:{\"new\":true}", "a9:{}"], await RowsAsync(store.ReadAsync("t1", "apps", Ct)));
        Assert.Equal(["a1:{\"other\":true}"], await RowsAsync(store.ReadAsync("t2", "apps", Ct)));
    }

    [Fact]
    public async Task A_round_dropped_before_it_completes_leaves_the_previous_round_in_force_and_no_staged_rows()
    {
        using var temp = new TempDatabase();
        var store = new DirectoryDeltaStore(await temp.OpenAsync());
        await store.SaveAsync("t1", "users", new DeltaCheckpoint("link-a", At), true, [new("u1", "{}")], [], Ct);

        await using (var round = await store.BeginRoundAsync("t1", "users", replaceAll: true, At, Ct))
        {
            await round.StageAsync([new("u2", "{}")], ["u1"], Ct);
        }

        Assert.Equal(["u1:{}"], await RowsAsync(store.ReadAsync("t1", "users", Ct)));
        Assert.Equal("link-a", (await store.CheckpointAsync("t1", "users", Ct))!.DeltaLink);
        Assert.Equal(0, await StagedRowsAsync(temp));
    }

    [Fact]
    public async Task The_rows_of_a_round_whose_process_died_are_dropped_by_a_round_of_the_source_a_day_later()
    {
        using var temp = new TempDatabase();
        var store = new DirectoryDeltaStore(await temp.OpenAsync());
        // Never completed nor disposed: what a killed process leaves behind.
        var dead = await store.BeginRoundAsync("t1", "users", replaceAll: true, At, Ct);
        await dead.StageAsync([new("u1", "{}"), new("u2", "{}")], [], Ct);

        await using (var _ = await store.BeginRoundAsync("t1", "users", replaceAll: true, At.AddHours(23), Ct))
        {
            Assert.Equal(2, await StagedRowsAsync(temp));
        }

        await using (var _ = await store.BeginRoundAsync("t1", "users", replaceAll: true, At.AddHours(25), Ct))
        {
            Assert.Equal(0, await StagedRowsAsync(temp));
        }
    }

    private static async Task<long> StagedRowsAsync(TempDatabase temp)
    {
        await using var connection = await (await temp.OpenAsync()).ConnectAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM directory_delta_staged");
    }

    private static async Task<List<string>> RowsAsync(IAsyncEnumerable<DirectoryObjectRow> rows)
    {
        var list = new List<string>();
        await foreach (var row in rows)
        {
            list.Add($"{row.Id}:{row.Json}");
        }

        return list;
    }
}
