using System.Text;
using System.Text.Json.Nodes;
using Compliance.Rules.Evidence;
using Compliance.Storage;
using Compliance.Tests.Shared;

namespace Compliance.Collectors.Tests;

/// <summary>
/// Get-Mailbox read incrementally on the real Exchange admin client against the simulator: a second run sends only
/// the three filtered cmdlets (soft-deleted, Get-User and Get-Mailbox on WhenChangedUTC), and after a fixture change —
/// a new mailbox, a changed property, a deleted mailbox, one converted to a mail user — the merged records equal a full
/// read of the changed tenant. A stored copy older than seven days is read again in full (a resync); a failed run
/// keeps the stored copy in force.
/// </summary>
public sealed class MailboxesIncrementalTests : IDisposable
{
    private static readonly string Key = EvidenceSources.Mailboxes + ":Get-Mailbox";

    private readonly string folder = Directory.CreateTempSubdirectory("compliance-mailboxes-").FullName;

    // A tenant of its own: the simulator's Exchange change log is per tenant and process, and other tests play the demo.
    private readonly string tenantId = Guid.NewGuid().ToString();

    [Fact]
    public async Task A_second_run_sends_only_the_three_filtered_cmdlets_and_yields_the_same_mailboxes()
    {
        await using var tenant = await RunningTenant.StartAsync(Fixture());
        var store = await StoreAsync();

        var (first, firstSink) = await tenant.CollectAsync(directoryStore: store);
        var (second, secondSink) = await tenant.CollectAsync(directoryStore: store);

        Assert.Equal(Canonical(first), Canonical(second));
        Assert.Equal(tenant.Fixture.Directory.Mailboxes.Count, second.Mailboxes.Count);
        Assert.Equal(ExchangePages(firstSink).Count, (tenant.Fixture.Directory.Mailboxes.Count + RunningTenant.PageSize - 1) / RunningTenant.PageSize);
        Assert.Equal(3, ExchangePages(secondSink).Count);
        Assert.Equal((SourceState.Collected, 4, 0), (Source(second).State, Source(second).Requests, Source(second).Resyncs));
    }

    [Fact]
    public async Task New_changed_deleted_and_converted_mailboxes_merge_into_the_same_records_as_a_full_read()
    {
        var store = await StoreAsync();
        await using (var before = await RunningTenant.StartAsync(Fixture()))
        {
            await before.CollectAsync(directoryStore: store);
        }

        await using var after = await RunningTenant.StartAsync(Fixture(MailboxChanges.Apply));
        var (incremental, sink) = await after.CollectAsync(directoryStore: store);
        var (full, _) = await after.CollectAsync();

        Assert.Equal(Canonical(full), Canonical(incremental));
        Assert.Contains(incremental.Mailboxes, m => m.PrimarySmtpAddress == MailboxChanges.Night);
        Assert.DoesNotContain(incremental.Mailboxes, m => m.PrimarySmtpAddress is MailboxChanges.Alerts or MailboxChanges.Boardroom);
        Assert.Equal(MailboxChanges.PayrollDepartment, incremental.Mailboxes.Single(m => m.PrimarySmtpAddress == MailboxChanges.Payroll).Department);
        Assert.Equal((3, 0), (ExchangePages(sink).Count, Source(incremental).Resyncs));
        Assert.Contains(ExchangePages(sink), p => p.Contains(MailboxChanges.Boardroom, StringComparison.Ordinal) && p.Contains("WhenSoftDeleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stored_copy_older_than_seven_days_is_read_again_in_full_and_counted_as_a_resync()
    {
        await using var tenant = await RunningTenant.StartAsync(Fixture());
        var store = await StoreAsync();
        await tenant.CollectAsync(directoryStore: store);
        var checkpoint = (await store.CheckpointAsync(tenantId, Key, CancellationToken.None))!;
        await store.SaveAsync(tenantId, Key, checkpoint with { ReceivedAt = checkpoint.ReceivedAt.AddDays(-8) }, false, [], [], CancellationToken.None);

        var (evidence, sink) = await tenant.CollectAsync(directoryStore: store);

        Assert.Equal(1, Source(evidence).Resyncs);
        Assert.Equal(tenant.Fixture.Directory.Mailboxes.Count, evidence.Mailboxes.Count);
        Assert.DoesNotContain(ExchangePages(sink), p => p.Contains("WhenSoftDeleted", StringComparison.Ordinal));
        Assert.True((await store.CheckpointAsync(tenantId, Key, CancellationToken.None))!.ReceivedAt > checkpoint.ReceivedAt);
    }

    [Fact]
    public async Task A_failed_exchange_read_keeps_the_stored_copy_and_the_next_run_reads_only_the_changes()
    {
        var store = await StoreAsync();
        await using var tenant = await RunningTenant.StartAsync(Fixture());
        var (first, _) = await tenant.CollectAsync(directoryStore: store);
        var checkpoint = await store.CheckpointAsync(tenantId, Key, CancellationToken.None);

        await using (var refusing = await RunningTenant.StartAsync(Fixture(demo => demo["failures"] = JsonNode.Parse("{\"deniedPermissions\": [\"exchange\"]}"))))
        {
            var (failed, _) = await refusing.CollectAsync(directoryStore: store);
            Assert.Contains("Get-Mailbox not read", Source(failed).Reason, StringComparison.Ordinal);
        }

        Assert.Equal(checkpoint, await store.CheckpointAsync(tenantId, Key, CancellationToken.None));
        var (next, sink) = await tenant.CollectAsync(directoryStore: store);
        Assert.Equal(3, ExchangePages(sink).Count);
        Assert.Equal(Canonical(first), Canonical(next));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private TenantSimulator.TenantFixture Fixture(Action<JsonObject>? edit = null) => FixtureJson.Edited(demo =>
    {
        demo["tenant"]!["id"] = tenantId;
        edit?.Invoke(demo);
    });

    private async Task<DirectoryDeltaStore> StoreAsync() =>
        new(await SqliteDatabase.OpenAsync(Path.Combine(folder, "compliance.db"), CancellationToken.None));

    /// <summary>The bodies of the mailboxes source's InvokeCommand pages (the Graph users' pages are GETs).</summary>
    private static List<string> ExchangePages(MemorySink sink) =>
        sink.Pages.Where(p => p.Source == EvidenceSources.Mailboxes && p.Method == "POST").Select(p => Encoding.UTF8.GetString(p.Body.Span)).ToList();

    /// <summary>Every field of every mailbox record, in a stable order.</summary>
    private static List<string> Canonical(CollectedEvidence evidence) =>
        evidence.Mailboxes.Select(m => string.Join('|',
            [m.UserId, m.PrimarySmtpAddress, m.Alias, m.Name, m.DisplayName, m.RecipientTypeDetails, m.UserPurpose, m.AccountEnabled?.ToString(), m.AuditEnabled?.ToString(),
                string.Join(',', m.EmailAddresses), m.Department, m.Company, m.Office, string.Join(',', m.CustomAttributes), m.DistinguishedName]))
            .Order(StringComparer.Ordinal).ToList();

    private static SourceResult Source(CollectedEvidence evidence) => evidence.Sources.Single(s => s.Name == EvidenceSources.Mailboxes);
}
