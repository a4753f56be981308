using System.Text.Json.Nodes;
using Compliance.Rules.Evidence;
using Compliance.Storage;

namespace Compliance.Collectors.Tests;

/// <summary>
/// Administrative units through Graph's delta function on the real SDK client: the first run is one delta round (no
/// per-unit /members requests), the second calls only the stored deltaLink, and changes — a member swapped, a unit
/// renamed, a unit added, one deleted — merge into the same records a full read of the changed tenant gives.
/// </summary>
public sealed class AdministrativeUnitsDeltaTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("compliance-delta-units-").FullName;

    [Fact]
    public async Task The_first_run_is_one_delta_round_and_the_second_only_calls_the_delta_link()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var store = await StoreAsync();

        var (first, _) = await tenant.CollectAsync(directoryStore: store);
        var before = UnitRequests(tenant).Count;
        var (second, _) = await tenant.CollectAsync(directoryStore: store);

        Assert.All(UnitRequests(tenant), r => Assert.StartsWith("/v1.0/directory/administrativeUnits/delta", r, StringComparison.Ordinal));
        Assert.Contains("$deltatoken=", Assert.Single(UnitRequests(tenant).Skip(before)), StringComparison.Ordinal);
        Assert.Equal(Canonical(first), Canonical(second));
        Assert.Equal(["a1000000-0000-4000-8000-000000000001|HR Department|d0000000-0000-4000-8000-000000000004,d0000000-0000-4000-8000-000000000011"], Canonical(second));
        Assert.Equal((SourceState.Collected, 1, 0), (Source(second).State, Source(second).Requests, Source(second).Resyncs));
    }

    [Fact]
    public async Task Changes_merged_into_the_stored_units_equal_a_full_read_of_the_changed_tenant()
    {
        var store = await StoreAsync();
        await using (var before = await RunningTenant.StartAsync(FixtureJson.Edited(demo => AddUnits(demo, "Finance", "Ops"))))
        {
            await before.CollectAsync(directoryStore: store);
        }

        await using var after = await RunningTenant.StartAsync(FixtureJson.Edited(demo =>
        {
            AddUnits(demo, "Operations", "Sales");
            var members = demo["administrativeUnits"]![0]!["members"]!.AsArray();
            members.RemoveAt(0);
            members.Add("payroll-notification@contoso-demo.example");
        }));
        var (incremental, _) = await after.CollectAsync(directoryStore: store);
        var (full, _) = await after.CollectAsync();

        Assert.Equal(Canonical(full), Canonical(incremental));
        Assert.Equal(["HR Department", "Operations", "Sales"], incremental.AdministrativeUnits.Select(u => u.DisplayName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(incremental.AdministrativeUnits, u => u.DisplayName == "Finance");
        Assert.Equal((1, 0), (Source(incremental).Requests, Source(incremental).Resyncs));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Units by name with one member each; the id comes from the name's slot ("Ops" and "Operations" are one unit,
    /// renamed), so "Finance" missing from the second fixture is a deleted unit.
    /// </summary>
    private static void AddUnits(JsonObject demo, params string[] names)
    {
        var slots = new Dictionary<string, (int Slot, string Member)>
        {
            ["Finance"] = (2, "finance-notification@contoso-demo.example"),
            ["Ops"] = (3, "servicedesk-notification@contoso-demo.example"),
            ["Operations"] = (3, "servicedesk-notification@contoso-demo.example"),
            ["Sales"] = (4, "marketing-newsletter@contoso-demo.example"),
        };
        foreach (var name in names)
        {
            var (slot, member) = slots[name];
            demo["administrativeUnits"]!.AsArray().Add(new JsonObject
            {
                ["id"] = $"a1000000-0000-4000-8000-00000000000{slot}", ["displayName"] = name, ["members"] = new JsonArray(member),
            });
        }
    }

    private async Task<DirectoryDeltaStore> StoreAsync() =>
        new(await SqliteDatabase.OpenAsync(Path.Combine(folder, "compliance.db"), CancellationToken.None));

    private static List<string> UnitRequests(RunningTenant tenant) =>
        tenant.Host.Requests.Entries.Select(e => e.PathAndQuery).Where(p => p.StartsWith("/v1.0/directory/administrativeUnits", StringComparison.Ordinal)).ToList();

    private static List<string> Canonical(CollectedEvidence evidence) =>
        evidence.AdministrativeUnits.Select(u => $"{u.Id}|{u.DisplayName}|{string.Join(',', u.MemberUserIds.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal).ToList();

    private static SourceResult Source(CollectedEvidence evidence) => evidence.Sources.Single(s => s.Name == EvidenceSources.AdministrativeUnits);
}
