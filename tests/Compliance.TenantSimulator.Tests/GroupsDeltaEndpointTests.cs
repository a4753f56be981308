using System.Text;
using Microsoft.Graph;
using Microsoft.Graph.Groups.Delta;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Compliance.TenantSimulator.Tests;

/// <summary>GET /groups/delta through the Graph SDK's own delta request builder: rounds, deltaLinks, changes, resets.</summary>
public class GroupsDeltaEndpointTests
{
    private static readonly string[] Select = ["displayName", "mail", "mailEnabled", "members"];

    [Fact]
    public async Task A_round_pages_every_group_with_its_direct_members_and_ends_with_a_delta_link()
    {
        // Two objects and two member links a page: groups with two members are cut across pages.
        await using var tenant = await TestTenant.StartAsync(maxPageSize: 2);
        var client = GraphSdk.Client(tenant, GraphSdk.Secret(tenant));

        var (pages, deltaLink) = await RoundAsync(client, await client.Groups.Delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Select = Select));

        Assert.NotNull(deltaLink);
        Assert.True(pages.Count >= 5, $"{pages.Count} pages");
        var members = pages.SelectMany(p => p).GroupBy(g => g.Id!).ToDictionary(g => g.Key, g => g.SelectMany(Members).ToList());
        foreach (var group in tenant.Fixture.Directory.Groups)
        {
            var expected = group.MemberUserIds.Select(u => "#microsoft.graph.user:" + tenant.Fixture.Directory.MailboxByKey(u)!.Id)
                .Concat(group.MemberGroupIds.Select(g => "#microsoft.graph.group:" + g));
            Assert.Equal(expected.Order(StringComparer.Ordinal), members[group.Id].Order(StringComparer.Ordinal));
        }

        // The same group on two pages, each with part of its members@delta (learn: graph/api/group-delta).
        Assert.Contains(members.Keys, id => pages.Count(p => p.Any(g => g.Id == id)) > 1);
        Assert.All(pages.SelectMany(p => p).Where(g => g.DisplayName is not null), g => Assert.True(g.MailEnabled));
    }

    [Fact]
    public async Task The_delta_link_of_an_unchanged_tenant_answers_no_changes_and_a_new_delta_link()
    {
        await using var tenant = await TestTenant.StartAsync();
        var client = GraphSdk.Client(tenant, GraphSdk.Secret(tenant));
        var (_, deltaLink) = await RoundAsync(client, await client.Groups.Delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Select = Select));

        var next = await client.Groups.Delta.WithUrl(deltaLink!).GetAsDeltaGetResponseAsync();

        Assert.Empty(next!.Value!);
        Assert.Null(next.OdataNextLink);
        Assert.NotNull(next.OdataDeltaLink);
    }

    [Fact]
    public async Task A_changed_tenant_reports_only_the_changes_removed_groups_and_members_marked_removed()
    {
        string deltaLink;
        await using (var before = await TestTenant.StartAsync())
        {
            var client = GraphSdk.Client(before, GraphSdk.Secret(before));
            deltaLink = (await RoundAsync(client, await client.Groups.Delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Select = Select))).DeltaLink!;
        }

        var demo = FixtureText.DemoJson();
        var groups = demo["groups"]!.AsArray();
        groups.Remove(groups.Single(g => (string?)g!["displayName"] == "Executives"));
        groups.Single(g => (string?)g!["displayName"] == "Finance Senders")!["members"]!.AsArray().RemoveAt(1);
        await using var after = await TestTenant.StartAsync(fixture: FixtureText.Load(demo));
        var changed = GraphSdk.Client(after, GraphSdk.Secret(after));

        // The simulator restarted on another port: the token is what counts, the link is re-rooted on the new host.
        var page = await changed.Groups.Delta.WithUrl(after.Host.BaseUri + deltaLink[(deltaLink.IndexOf("v1.0/", StringComparison.Ordinal))..]).GetAsDeltaGetResponseAsync();

        Assert.NotNull(page!.OdataDeltaLink);
        Assert.Equal(2, page.Value!.Count);
        var removed = page.Value.Single(g => g.AdditionalData.ContainsKey("@removed"));
        Assert.Equal("f0000000-0000-4000-8000-000000000003", removed.Id);
        var finance = page.Value.Single(g => g.Id == "f0000000-0000-4000-8000-000000000002");
        Assert.Equal(["#microsoft.graph.user:d0000000-0000-4000-8000-000000000010:removed"], Members(finance));
    }

    [Fact]
    public async Task A_token_whose_sync_state_is_unknown_is_410_gone_and_a_forged_one_400()
    {
        await using var tenant = await TestTenant.StartAsync();
        var client = GraphSdk.Client(tenant, GraphSdk.Secret(tenant));
        var unknown = Convert.ToBase64String(Encoding.UTF8.GetBytes($"sim-delta-1|groups|displayName,members|-|{new string('0', 64)}|0|0")).TrimEnd('=');

        var gone = await Assert.ThrowsAsync<ODataError>(() =>
            client.Groups.Delta.WithUrl($"{tenant.Host.BaseUri}v1.0/groups/delta()?$deltatoken={unknown}").GetAsDeltaGetResponseAsync());
        var forged = await Assert.ThrowsAsync<ODataError>(() =>
            client.Groups.Delta.WithUrl($"{tenant.Host.BaseUri}v1.0/groups/delta()?$deltatoken=not-a-token").GetAsDeltaGetResponseAsync());

        Assert.Equal((410, "resyncRequired"), (gone.ResponseStatusCode, gone.Error!.Code));
        Assert.Equal(400, forged.ResponseStatusCode);
    }

    private static async Task<(List<List<Group>> Pages, string? DeltaLink)> RoundAsync(GraphServiceClient client, DeltaGetResponse? page)
    {
        var pages = new List<List<Group>>();
        while (page is not null)
        {
            pages.Add(page.Value ?? []);
            if (page.OdataDeltaLink is { } deltaLink)
            {
                return (pages, deltaLink);
            }

            page = await client.Groups.Delta.WithUrl(page.OdataNextLink!).GetAsDeltaGetResponseAsync();
        }

        return (pages, null);
    }

    /// <summary>members@delta as "type:id" (":removed" for a member marked "@removed"); the SDK keeps it as untyped JSON.</summary>
    private static IEnumerable<string> Members(Group group)
    {
        if (!group.AdditionalData.TryGetValue("members@delta", out var value) || value is not UntypedArray links)
        {
            return [];
        }

        return links.GetValue().OfType<UntypedObject>().Select(link =>
        {
            var fields = link.GetValue();
            var text = $"{((UntypedString)fields["@odata.type"]).GetValue()}:{((UntypedString)fields["id"]).GetValue()}";
            return fields.ContainsKey("@removed") ? text + ":removed" : text;
        }).ToList();
    }
}
