using System.Text;
using System.Text.Json.Nodes;
using Compliance.Rules.Evidence;
using Compliance.Storage;
using Compliance.TenantSimulator;

namespace Compliance.Collectors.Tests;

/// <summary>
/// Groups through Graph's delta function, on the real SDK client against the simulator: one paged round with the
/// members in members@delta (a large member list split over two pages), a second run that only calls the stored
/// deltaLink, changes merged into the stored groups exactly as a full read sees them, and the resync paths.
/// </summary>
public sealed class GroupsDeltaTests : IDisposable
{
    private const string AllStaff = "f0000000-0000-4000-8000-0000000000aa";
    private readonly string folder = Directory.CreateTempSubdirectory("compliance-delta-").FullName;

    [Fact]
    public async Task One_delta_round_reads_every_group_with_its_members_split_across_pages()
    {
        await using var tenant = await RunningTenant.StartAsync(WithAllStaff());
        var (evidence, sink) = await tenant.CollectAsync();

        AssertMatchesFixture(tenant.Fixture, evidence);
        // 9 + 14 member links against the simulator's 20 a page: All Staff is cut in two, on two pages.
        Assert.Equal(2, DeltaRequests(tenant).Count);
        Assert.Equal(2, DeltaPages(sink).Count(p => p.Contains(AllStaff, StringComparison.Ordinal)));
        Assert.DoesNotContain(tenant.Host.Requests.Entries, e => e.PathAndQuery.StartsWith("/v1.0/groups/", StringComparison.Ordinal) && e.PathAndQuery.Contains("/members", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_run_only_calls_the_delta_link_and_yields_the_same_groups()
    {
        await using var tenant = await RunningTenant.StartAsync(WithAllStaff());
        var store = await StoreAsync();

        var (first, _) = await tenant.CollectAsync(directoryStore: store);
        var before = DeltaRequests(tenant).Count;
        var (second, _) = await tenant.CollectAsync(directoryStore: store);

        var calls = DeltaRequests(tenant).Skip(before).ToList();
        var call = Assert.Single(calls);
        Assert.Contains("$deltatoken=", call, StringComparison.Ordinal);
        Assert.Equal(Canonical(first.Groups), Canonical(second.Groups));
        Assert.Equal(0, Source(second).Resyncs);
        AssertMatchesFixture(tenant.Fixture, second);
    }

    [Fact]
    public async Task Changes_merged_into_the_stored_groups_equal_a_full_read_of_the_changed_tenant()
    {
        var store = await StoreAsync();
        await using (var before = await RunningTenant.StartAsync(WithAllStaff()))
        {
            await before.CollectAsync(directoryStore: store);
        }

        // Between the runs: Executives deleted, Finance Senders renamed, All Staff loses two members, a group is new.
        await using var after = await RunningTenant.StartAsync(FixtureJson.Edited(demo =>
        {
            AddAllStaff(demo);
            var groups = demo["groups"]!.AsArray();
            groups.Remove(groups.Single(g => (string?)g!["displayName"] == "Executives"));
            groups.Single(g => (string?)g!["displayName"] == "Finance Senders")!["displayName"] = "Finance Senders (EU)";
            var staff = groups.Single(g => (string?)g!["id"] == AllStaff)!["members"]!.AsArray();
            staff.RemoveAt(0);
            staff.RemoveAt(0);
            groups.Add(new JsonObject
            {
                ["id"] = "f0000000-0000-4000-8000-0000000000bb", ["displayName"] = "Night Shift", ["mail"] = "night-shift@contoso-demo.example",
                ["members"] = new JsonArray("ceo@contoso-demo.example", "it-oncall@contoso-demo.example"),
            });
        }));
        var (incremental, sink) = await after.CollectAsync(directoryStore: store);
        var (full, _) = await after.CollectAsync();

        Assert.Equal(Canonical(full.Groups), Canonical(incremental.Groups));
        AssertMatchesFixture(after.Fixture, incremental);
        Assert.Equal(0, Source(incremental).Resyncs);
        Assert.Contains("$deltatoken=", DeltaRequests(after)[0], StringComparison.Ordinal);
        var changes = string.Concat(DeltaPages(sink));
        Assert.Contains("\"@removed\"", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Payroll Senders", changes, StringComparison.Ordinal); // unchanged groups are not sent again
    }

    [Fact]
    public async Task A_delta_link_whose_sync_state_is_gone_is_answered_410_and_the_run_reads_everything_again()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var store = await StoreAsync();
        await tenant.CollectAsync(directoryStore: store);
        var checkpoint = (await store.CheckpointAsync(tenant.Host.TenantId, EvidenceSources.Groups, CancellationToken.None))!;
        // A state the service never issued (or has dropped): what a deltaLink looks like once Graph resets it.
        var unknown = Convert.ToBase64String(Encoding.UTF8.GetBytes($"sim-delta-1|groups|displayName,mail,mailEnabled,members|-|{new string('0', 64)}|0|0"));
        var link = checkpoint.DeltaLink[..(checkpoint.DeltaLink.IndexOf("$deltatoken=", StringComparison.Ordinal) + "$deltatoken=".Length)] + unknown.TrimEnd('=');
        await store.SaveAsync(tenant.Host.TenantId, EvidenceSources.Groups, checkpoint with { DeltaLink = link }, false, [], [], CancellationToken.None);

        var (evidence, _) = await tenant.CollectAsync(directoryStore: store);

        Assert.Equal((SourceState.Collected, 1), (Source(evidence).State, Source(evidence).Resyncs));
        Assert.Contains(tenant.Host.Requests.Entries, e => e.Status == 410 && e.PathAndQuery.Contains("$deltatoken=", StringComparison.Ordinal));
        AssertMatchesFixture(tenant.Fixture, evidence);
        var resynced = (await store.CheckpointAsync(tenant.Host.TenantId, EvidenceSources.Groups, CancellationToken.None))!;
        Assert.NotEqual(link, resynced.DeltaLink);
    }

    [Fact]
    public async Task A_delta_link_older_than_seven_days_is_not_called_and_the_run_reads_everything()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var store = await StoreAsync();
        await tenant.CollectAsync(directoryStore: store);
        var checkpoint = (await store.CheckpointAsync(tenant.Host.TenantId, EvidenceSources.Groups, CancellationToken.None))!;
        await store.SaveAsync(tenant.Host.TenantId, EvidenceSources.Groups, checkpoint with { ReceivedAt = checkpoint.ReceivedAt.AddDays(-8) }, false, [], [], CancellationToken.None);
        var before = DeltaRequests(tenant).Count;

        var (evidence, _) = await tenant.CollectAsync(directoryStore: store);

        Assert.Equal(1, Source(evidence).Resyncs);
        Assert.DoesNotContain(DeltaRequests(tenant).Skip(before), r => r.Contains("$deltatoken=", StringComparison.Ordinal));
        AssertMatchesFixture(tenant.Fixture, evidence);
    }

    [Fact]
    public async Task A_failed_round_is_not_collected_and_keeps_the_previous_delta_link()
    {
        var store = await StoreAsync();
        await using var tenant = await RunningTenant.StartAsync();
        await tenant.CollectAsync(directoryStore: store);
        var checkpoint = await store.CheckpointAsync(tenant.Host.TenantId, EvidenceSources.Groups, CancellationToken.None);

        await using (var refusing = await RunningTenant.StartAsync(FixtureJson.WithFailures("\"deniedPermissions\": [\"groups\"]")))
        {
            var (failed, _) = await refusing.CollectAsync(directoryStore: store);
            Assert.Equal(SourceState.NotCollected, Source(failed).State);
            Assert.Empty(failed.Groups);
        }

        Assert.Equal(checkpoint, await store.CheckpointAsync(tenant.Host.TenantId, EvidenceSources.Groups, CancellationToken.None));
        var before = DeltaRequests(tenant).Count;
        var (next, _) = await tenant.CollectAsync(directoryStore: store);
        Assert.Contains("$deltatoken=", Assert.Single(DeltaRequests(tenant).Skip(before)), StringComparison.Ordinal);
        AssertMatchesFixture(tenant.Fixture, next);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<DirectoryDeltaStore> StoreAsync() =>
        new(await SqliteDatabase.OpenAsync(Path.Combine(folder, "compliance.db"), CancellationToken.None));

    private static TenantFixture WithAllStaff() => FixtureJson.Edited(AddAllStaff);

    /// <summary>A group with every mailbox of the demo as a direct member: more links than one simulator page holds.</summary>
    private static void AddAllStaff(JsonObject demo)
    {
        var addresses = demo["mailboxes"]!.AsArray().Select(m => (JsonNode?)(string)m!["address"]!).ToArray();
        demo["groups"]!.AsArray().Add(new JsonObject
        {
            ["id"] = AllStaff, ["displayName"] = "All Staff", ["mail"] = "all-staff@contoso-demo.example", ["members"] = new JsonArray(addresses),
        });
    }

    private static void AssertMatchesFixture(TenantFixture fixture, CollectedEvidence evidence)
    {
        Assert.Equal(SourceState.Collected, Source(evidence).State);
        var expected = fixture.Directory.Groups.Select(g => string.Join('|',
            g.Id, g.DisplayName, g.Mail, g.DistinguishedName,
            string.Join(',', g.MemberUserIds.Select(u => fixture.Directory.MailboxByKey(u)!.Id).Order(StringComparer.Ordinal)),
            string.Join(',', g.MemberGroupIds.Order(StringComparer.Ordinal))));
        Assert.Equal(expected.Order(StringComparer.Ordinal), Canonical(evidence.Groups));
    }

    private static List<string> Canonical(IReadOnlyList<MailGroup> groups) =>
        groups.Select(g => string.Join('|', g.Id, g.DisplayName, g.Mail, g.DistinguishedName,
                string.Join(',', g.MemberUserIds.Order(StringComparer.Ordinal)), string.Join(',', g.MemberGroupIds.Order(StringComparer.Ordinal))))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The delta pages answered (a 429 the simulator's throttling may add under parallel tests is not a page).</summary>
    private static List<string> DeltaRequests(RunningTenant tenant) =>
        tenant.Host.Requests.Entries.Where(e => e.Status != 429 && e.PathAndQuery.StartsWith("/v1.0/groups/delta", StringComparison.Ordinal)).Select(e => e.PathAndQuery).ToList();

    private static IEnumerable<string> DeltaPages(MemorySink sink) =>
        sink.Pages.Where(p => p.Source == EvidenceSources.Groups && p.RequestUri.Contains("/groups/delta", StringComparison.Ordinal)).Select(p => Encoding.UTF8.GetString(p.Body.Span));

    private static SourceResult Source(CollectedEvidence evidence) => evidence.Sources.Single(s => s.Name == EvidenceSources.Groups);
}
