using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Tests;

/// <summary>
/// GET /directory/administrativeUnits/delta on the wire: one round with each unit's members in members@delta and a
/// deltaLink; after a fixture change in the same process, the deltaLink reports only the changes; a token whose sync
/// state is unknown is 410 Gone.
/// </summary>
public class AdministrativeUnitsDeltaEndpointTests
{
    private const string Hr = "a1000000-0000-4000-8000-000000000001";

    [Fact]
    public async Task A_round_pages_every_unit_with_its_user_members_and_ends_with_a_delta_link()
    {
        await using var tenant = await TestTenant.StartAsync(maxPageSize: 1);
        var token = await tenant.TokenAsync();

        var (entries, deltaLink) = await RoundAsync(tenant, "v1.0/directory/administrativeUnits/delta", token);

        Assert.NotNull(deltaLink);
        Assert.Contains("$deltatoken=", deltaLink, StringComparison.Ordinal);
        // One member link a page: the unit's two members arrive on two entries of the same unit.
        Assert.Equal(2, entries.Count(e => (string?)e["id"] == Hr));
        Assert.Equal("HR Department", (string?)entries.First(e => (string?)e["id"] == Hr)["displayName"]);
        var expected = tenant.Fixture.Directory.AdministrativeUnits.Single().MemberUserIds.Select(u => tenant.Fixture.Directory.MailboxByKey(u)!.Id);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Members(entries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_changed_tenant_reports_only_the_changed_unit_with_members_added_and_removed_then_410_for_an_unknown_token()
    {
        string deltaLink;
        await using (var before = await TestTenant.StartAsync())
        {
            deltaLink = (await RoundAsync(before, "v1.0/directory/administrativeUnits/delta", await before.TokenAsync())).DeltaLink!;
        }

        var demo = FixtureText.DemoJson();
        var members = demo["administrativeUnits"]![0]!["members"]!.AsArray();
        members.RemoveAt(0);
        members.Add("payroll-notification@contoso-demo.example");
        await using var after = await TestTenant.StartAsync(fixture: FixtureText.Load(demo));
        var token = await after.TokenAsync();

        var (entries, next) = await RoundAsync(after, deltaLink[deltaLink.IndexOf("v1.0/", StringComparison.Ordinal)..], token);
        var (status, _) = await after.GetAsync("v1.0/directory/administrativeUnits/delta?$deltatoken=" + UnknownToken(), token);

        Assert.NotNull(next);
        var entry = Assert.Single(entries);
        Assert.Equal(Hr, (string?)entry["id"]);
        Assert.Equal(["d0000000-0000-4000-8000-000000000001", "d0000000-0000-4000-8000-000000000004:removed"], Members(entries).Order(StringComparer.Ordinal));
        Assert.Equal(410, status);
    }

    private static string UnknownToken() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"sim-delta-1|administrativeUnits|*|-|{new string('0', 64)}|0|0")).TrimEnd('=');

    private static async Task<(List<JsonObject> Entries, string? DeltaLink)> RoundAsync(TestTenant tenant, string url, string token)
    {
        var entries = new List<JsonObject>();
        string? next = url;
        while (next is not null)
        {
            var (status, body) = await tenant.GetAsync(next, token);
            Assert.True(status == 200, $"{next} answered {status}: {body}");
            var page = JsonNode.Parse(body.GetRawText())!.AsObject();
            entries.AddRange(page["value"]!.AsArray().OfType<JsonObject>());
            if ((string?)page["@odata.deltaLink"] is { } deltaLink)
            {
                return (entries, deltaLink);
            }

            next = (string?)page["@odata.nextLink"];
        }

        return (entries, null);
    }

    /// <summary>members@delta of every entry as the member's id (":removed" when marked "@removed").</summary>
    private static IEnumerable<string> Members(IEnumerable<JsonObject> entries) =>
        entries.SelectMany(e => (e["members@delta"] as JsonArray ?? []).OfType<JsonObject>())
            .Select(m => (string)m["id"]! + (m.ContainsKey("@removed") ? ":removed" : ""));
}
