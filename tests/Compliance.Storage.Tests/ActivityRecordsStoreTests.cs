using Compliance.Rules.Evidence;
using Dapper;

namespace Compliance.Storage.Tests;

/// <summary>
/// Activity records as a review reads them back: a window's rows in time order, or one owner's (app id, sender), and
/// only the rows counted when the collection ended.
/// </summary>
public class ActivityRecordsStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_window_reads_back_oldest_first_whole_or_by_owner_ignoring_ascii_case()
    {
        using var temp = new TempDatabase();
        var store = new IncrementalStore(await temp.OpenAsync());
        await store.UpsertAsync("t1", "signIns",
        [
            Row("s3", At.AddHours(3), "APP-A"), Row("s1", At.AddHours(1), "app-a"), Row("s2", At.AddHours(2), "app-b"),
            Row("s0", At.AddDays(-2), "app-a"), Row("s9", At.AddDays(2), "app-a"),
        ], Ct);
        await store.UpsertAsync("t2", "signIns", [Row("x1", At.AddHours(1), "app-a")], Ct);
        await store.UpsertAsync("t1", "messageTrace", [Row("m1", At.AddHours(1), "app-a")], Ct);

        var extent = await store.ExtentAsync("t1", "signIns", At, At.AddDays(1), Ct);

        Assert.Equal(3, extent.Count);
        Assert.Equal(["s1", "s2", "s3"], store.Read("t1", "signIns", At, At.AddDays(1), extent).Select(r => r.Id));
        Assert.Equal(["s1", "s3"], store.Read("t1", "signIns", At, At.AddDays(1), extent, ActivityOwner.Key("App-A")).Select(r => r.Id));
        Assert.Empty(store.Read("t1", "signIns", At, At.AddDays(1), extent, ActivityOwner.Key("app-c")));
    }

    [Fact]
    public async Task Rows_stored_after_the_extent_was_taken_are_left_out_and_a_re_read_row_keeps_its_place()
    {
        using var temp = new TempDatabase();
        var store = new IncrementalStore(await temp.OpenAsync());
        await store.UpsertAsync("t1", "signIns", [Row("s1", At.AddHours(1), "app-a"), Row("s2", At.AddHours(2), "app-a")], Ct);
        var extent = await store.ExtentAsync("t1", "signIns", At, At.AddDays(1), Ct);

        // Another run of the tenant stores a new sign-in and re-reads s2 (its overlap) while this review reads.
        await store.UpsertAsync("t1", "signIns", [Row("s2", At.AddHours(2), "app-a", "re-read"), Row("s3", At.AddHours(3), "app-a")], Ct);

        var rows = store.Read("t1", "signIns", At, At.AddDays(1), extent).ToList();
        Assert.Equal(["s1", "s2"], rows.Select(r => r.Id));
        Assert.Equal("re-read", rows[1].Json);
        Assert.Equal(extent.Count, rows.Count);
    }

    [Fact]
    public async Task Records_stored_before_the_owner_column_existed_are_found_by_owner_after_the_upgrade()
    {
        using var temp = new TempDatabase();
        var database = await temp.OpenAsync();
        await using (var connection = await database.ConnectAsync(Ct))
        {
            // The schema as it stood before 0013, with rows the collectors wrote then (records as JSON, no owner column).
            await connection.ExecuteAsync(
                """
                DROP INDEX ix_activity_records_owner;
                ALTER TABLE activity_records DROP COLUMN owner_key;
                DELETE FROM schema_migrations WHERE version = 13;
                INSERT INTO activity_records (tenant_id, source, id, occurred_at, json) VALUES
                  ('t1', 'signIns', 's1', '2026-11-29T07:00:00.0000000+00:00', '{"Id":"s1","AppId":"APP-A"}'),
                  ('t1', 'mailboxAudit', 'a1', '2026-11-29T07:00:00.0000000+00:00', '{"Id":"a1","AppId":"app-a"}'),
                  ('t1', 'messageTrace', 'm1|r', '2026-11-29T07:00:00.0000000+00:00', '{"Id":"m1","SenderAddress":"Payroll@Contoso.com"}');
                """);
        }

        var store = new IncrementalStore(await temp.OpenAsync());

        foreach (var (source, owner, id) in new[] { ("signIns", "app-a", "s1"), ("mailboxAudit", "APP-A", "a1"), ("messageTrace", "payroll@contoso.com", "m1|r") })
        {
            var extent = await store.ExtentAsync("t1", source, At, At.AddDays(1), Ct);
            Assert.Equal([id], store.Read("t1", source, At, At.AddDays(1), extent, ActivityOwner.Key(owner)).Select(r => r.Id));
        }
    }

    private static ActivityRow Row(string id, DateTimeOffset at, string owner, string? json = null) => new(id, at, json ?? $"{{\"Id\":\"{id}\"}}", ActivityOwner.Key(owner));
}
