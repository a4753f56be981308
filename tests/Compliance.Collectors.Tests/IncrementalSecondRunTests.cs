using Compliance.Rules.Evidence;
using Compliance.Storage;

namespace Compliance.Collectors.Tests;

/// <summary>
/// A second collection of the same window with the same SQLite incremental store reads only the overlap after the
/// watermark, and still yields every record of the window exactly once.
/// </summary>
public sealed class IncrementalSecondRunTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("compliance-incremental-").FullName;

    [Fact]
    public async Task Second_run_makes_fewer_activity_requests_and_yields_the_same_records()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var store = new IncrementalStore(await SqliteDatabase.OpenAsync(Path.Combine(folder, "compliance.db"), CancellationToken.None));

        var (first, _) = await tenant.CollectAsync(store: store);
        var (second, _) = await tenant.CollectAsync(store: store);

        foreach (var name in new[] { EvidenceSources.SignIns, EvidenceSources.MessageTrace, EvidenceSources.MailboxAudit })
        {
            var (a, b) = (Source(first, name), Source(second, name));
            Assert.Equal((SourceState.Collected, SourceState.Collected), (a.State, b.State));
            // An audit search is create + poll + records whatever its range, so it can only stay level: its saving is in the rows.
            Assert.True(name == EvidenceSources.MailboxAudit ? b.Requests <= a.Requests : b.Requests < a.Requests,
                $"{name}: second run made {b.Requests} requests, the first {a.Requests}");
            Assert.Equal(a.Records, b.Records);
        }

        Assert.NotEmpty(first.SignIns);
        Assert.NotEmpty(first.MessageTrace);
        Assert.NotEmpty(first.MailboxAudit);
        AssertSameOnce(first.SignIns, second.SignIns, r => r.Id);
        AssertSameOnce(first.MessageTrace, second.MessageTrace, r => r.Id);
        AssertSameOnce(first.MailboxAudit, second.MailboxAudit, r => r.Id);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Same records, none twice, none lost.</summary>
    private static void AssertSameOnce<T>(IReadOnlyCollection<T> first, IReadOnlyCollection<T> second, Func<T, string> id)
    {
        Assert.Equal(first.Count, first.Select(id).Distinct().Count());
        Assert.Equal(second.Count, second.Select(id).Distinct().Count());
        Assert.Equal(first.OrderBy(id, StringComparer.Ordinal), second.OrderBy(id, StringComparer.Ordinal));
    }

    private static SourceResult Source(CollectedEvidence evidence, string name) => evidence.Sources.Single(s => s.Name == name);
}
