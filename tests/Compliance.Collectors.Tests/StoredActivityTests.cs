using Compliance.Rules.Evidence;
using Compliance.Storage;

namespace Compliance.Collectors.Tests;

/// <summary>
/// Activity collected into the incremental store is left there and read back when the review enumerates it (issue 4,
/// requirement 5): it must read back exactly what a collection held in memory gives, whole and one owner at a time.
/// </summary>
public sealed class StoredActivityTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("compliance-stored-activity-").FullName;

    [Fact]
    public async Task Stored_activity_reads_back_as_the_in_memory_collection_whole_and_per_app_or_sender()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var store = new IncrementalStore(await SqliteDatabase.OpenAsync(Path.Combine(folder, "compliance.db"), CancellationToken.None));

        var (held, _) = await tenant.CollectAsync();
        var (stored, _) = await tenant.CollectAsync(store: store);

        AssertSame(held.SignIns, stored.SignIns, s => s.Id, s => s.AppId);
        AssertSame(held.MessageTrace, stored.MessageTrace, m => $"{m.Id}|{m.RecipientAddress}", m => m.SenderAddress);
        AssertSame(held.MailboxAudit, stored.MailboxAudit, a => a.Id, a => a.AppId);
        // Each enumeration reads the store again and gives the same rows.
        Assert.Equal(stored.SignIns.Select(s => s.Id), stored.SignIns.Select(s => s.Id));
    }

    private static void AssertSame<T>(ActivityRecords<T> held, ActivityRecords<T> stored, Func<T, string> id, Func<T, string?> owner)
        where T : IActivityRecord
    {
        Assert.NotEmpty(held);
        Assert.Equal(held.Count, stored.Count);
        Assert.Equal(held.OrderBy(id, StringComparer.Ordinal), stored.OrderBy(id, StringComparer.Ordinal));
        Assert.Equal(stored.Select(r => r.OccurredAt).Order(), stored.Select(r => r.OccurredAt));
        foreach (var key in held.Select(owner).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var expected = held.Where(r => string.Equals(owner(r), key, StringComparison.OrdinalIgnoreCase)).OrderBy(id, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, stored.OwnedBy(key.ToUpperInvariant()).OrderBy(id, StringComparer.Ordinal));
            Assert.Equal(expected, held.OwnedBy(key).OrderBy(id, StringComparer.Ordinal));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
