using System.Text.Json.Nodes;
using Compliance.Rules.Evidence;
using Compliance.Storage;

namespace Compliance.Collectors.Tests;

/// <summary>
/// Applications, service principals and the mailboxes' Graph users: a full read is the listing plus one "sync from
/// now" deltaLink; the next run
/// calls only that deltaLink, and changes (a credential added on the app, one on the SP, an app deleted) merge into
/// the stored objects with every credential intact — the same records a full read of the changed tenant gives.
/// </summary>
public sealed class ListedDeltaSourcesTests : IDisposable
{
    private const string Woodgrove = "11111111-1111-4111-8111-000000000005";
    private const string Proseware = "11111111-1111-4111-8111-000000000007";
    private readonly string folder = Directory.CreateTempSubdirectory("compliance-delta-apps-").FullName;

    [Fact]
    public async Task A_second_run_only_calls_the_delta_links_and_yields_the_same_apps_service_principals_and_mailboxes()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var store = await StoreAsync();

        var (first, _) = await tenant.CollectAsync(directoryStore: store);
        var before = tenant.Host.Requests.Entries.Count;
        var (second, _) = await tenant.CollectAsync(directoryStore: store);

        Assert.Equal(Canonical(first), Canonical(second));
        Assert.Equal(Mailboxes(first), Mailboxes(second));
        var users = tenant.Host.Requests.Entries.Skip(before).Where(e => e.PathAndQuery.StartsWith("/v1.0/users", StringComparison.Ordinal)).ToList();
        Assert.Contains("$deltatoken=", Assert.Single(users).PathAndQuery, StringComparison.Ordinal);
        foreach (var name in new[] { EvidenceSources.Applications, EvidenceSources.ServicePrincipals })
        {
            var (a, b) = (Source(first, name), Source(second, name));
            Assert.Equal((SourceState.Collected, SourceState.Collected, 0), (a.State, b.State, b.Resyncs));
            Assert.Equal(1, b.Requests);
            Assert.True(a.Requests > 1, $"{name}: {a.Requests} requests in the first run");
        }
    }

    [Fact]
    public async Task Changed_credentials_and_a_deleted_app_merge_into_the_same_records_as_a_full_read()
    {
        var store = await StoreAsync();
        await using (var before = await RunningTenant.StartAsync())
        {
            await before.CollectAsync(directoryStore: store);
        }

        await using var after = await RunningTenant.StartAsync(FixtureJson.Edited(demo =>
        {
            var apps = demo["apps"]!.AsArray();
            apps.Remove(apps.Single(a => (string?)a!["appId"] == Proseware));
            var assignments = demo["roleAssignments"]!.AsArray();
            assignments.Remove(assignments.Single(r => (string?)r!["appId"] == Proseware));
            var woodgrove = apps.Single(a => (string?)a!["appId"] == Woodgrove)!["credentials"]!.AsArray();
            woodgrove.Add(Credential("c0000000-0000-4000-8000-000000000901", "secret", "application", "now-200d", "now-20d"));
            woodgrove.Add(Credential("c0000000-0000-4000-8000-000000000902", "certificate", "servicePrincipal", "now-10d", "now+300d"));
        }));
        var (incremental, _) = await after.CollectAsync(directoryStore: store);
        var (full, _) = await after.CollectAsync();

        Assert.Equal(Canonical(full), Canonical(incremental));
        Assert.DoesNotContain(incremental.Applications, a => a.AppId == Proseware);
        var keys = incremental.Applications.Single(a => a.AppId == Woodgrove).Credentials.Select(c => c.KeyId)
            .Concat(incremental.ServicePrincipals.Single(s => s.AppId == Woodgrove).Credentials.Select(c => c.KeyId));
        Assert.Contains("c0000000-0000-4000-8000-000000000901", keys);
        Assert.Contains("c0000000-0000-4000-8000-000000000902", keys);
        foreach (var name in new[] { EvidenceSources.Applications, EvidenceSources.ServicePrincipals })
        {
            // One deltaLink call each, answered with the changes: no resync, no listing.
            Assert.Equal((1, 0), (Source(incremental, name).Requests, Source(incremental, name).Resyncs));
        }

        Assert.Contains(after.Host.Requests.Entries, e => e.PathAndQuery.StartsWith("/v1.0/applications/delta()?$deltatoken=", StringComparison.Ordinal) && e.Status == 200);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<DirectoryDeltaStore> StoreAsync() =>
        new(await SqliteDatabase.OpenAsync(Path.Combine(folder, "compliance.db"), CancellationToken.None));

    private static JsonObject Credential(string keyId, string type, string on, string start, string end) => new()
    {
        ["keyId"] = keyId, ["type"] = type, ["on"] = on, ["displayName"] = "added between runs", ["start"] = start, ["end"] = end,
    };

    /// <summary>Every application and service principal with every credential, in a stable order.</summary>
    private static List<string> Canonical(CollectedEvidence evidence) =>
        evidence.Applications.Select(a => $"app|{a.ObjectId}|{a.AppId}|{a.DisplayName}|{Credentials(a.Credentials)}")
            .Concat(evidence.ServicePrincipals.Select(s => $"sp|{s.ObjectId}|{s.AppId}|{s.DisplayName}|{s.ServicePrincipalType}|{s.AccountEnabled}|{Credentials(s.Credentials)}"))
            .Order(StringComparer.Ordinal).ToList();

    private static List<string> Mailboxes(CollectedEvidence evidence) =>
        evidence.Mailboxes.Select(m => $"{m.UserId}|{m.PrimarySmtpAddress}|{m.AccountEnabled}|{m.Department}|{m.RecipientTypeDetails}").Order(StringComparer.Ordinal).ToList();

    private static string Credentials(IEnumerable<Credential> credentials) =>
        string.Join(';', credentials.Select(c => $"{c.KeyId},{c.Type},{c.Holder},{c.DisplayName},{c.StartDateTime:O},{c.EndDateTime:O}").Order(StringComparer.Ordinal));

    private static SourceResult Source(CollectedEvidence evidence, string name) => evidence.Sources.Single(s => s.Name == name);
}
