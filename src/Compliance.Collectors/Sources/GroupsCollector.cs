using System.Text.Json.Nodes;
using Compliance.Collectors.Delta;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Mail-enabled groups with their DIRECT members, all in one paged delta round (GET
/// /groups/delta?$select=displayName,mail,mailEnabled,members — members@delta lists each group's direct members,
/// learn: graph/api/group-delta) instead of one /groups/{id}/members request per group; later runs merge only the
/// changes (DeltaSync). Exchange evaluates MemberOfGroup on direct membership only (m365-apis.md §5.1), so nested
/// groups are listed apart, never expanded; members are told apart by @odata.type. Graph v1.0 groups carry no
/// distinguished name, yet scopes name groups by DN (MemberOfGroup -eq '&lt;DN&gt;'), so the DN is joined from
/// Exchange's Get-Group on ExternalDirectoryObjectId.
/// </summary>
internal sealed class GroupsCollector(TenantConnection connection, SourceContext source, IDirectoryDeltaStore? store)
{
    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("GroupMember.Read.All");

    public Task<SourceOutcome<MailGroup>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var client = GraphClients.Create(connection, source);
            var sync = new DeltaSync(store, connection.TenantId, source, connection.Endpoints.GraphBaseUrl);
            // Mail-enabled groups only; the DN is joined once Get-Group has been read (after the round, as before: a round
            // that fails costs no Exchange call).
            var groups = await sync.SyncAsync(client, new DeltaRequests(link => Request(client, link)), o => JsonObject.Create(o) is { } g && (bool?)g["mailEnabled"] != false ? Record(g) : null, token);
            var names = await DistinguishedNamesAsync(token);
            var records = groups.Select(g => g with { DistinguishedName = names.GetValueOrDefault(g.Id) }).ToList();
            var quality = new DataQuality();
            quality.Count("group record(s) had no id and were not stored", sync.Unidentified);
            return ((IReadOnlyList<MailGroup>)records, quality.Warning(null));
        }, ct);

    private static RequestInformation Request(GraphServiceClient client, string? link) => link is null
        ? client.Groups.Delta.ToGetRequestInformation(r => r.QueryParameters.Select = ["displayName", "mail", "mailEnabled", "members"])
        : client.Groups.Delta.WithUrl(link).ToGetRequestInformation();

    private static MailGroup Record(JsonObject group)
    {
        var id = (string)group["id"]!;
        var members = (group["members"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return new MailGroup(id, (string?)group["displayName"] ?? "", (string?)group["mail"], null, Ids(members, user: true), Ids(members, user: false));
    }

    // An array of exactly the members (one shared empty array for none: most groups have no member groups).
    private static string[] Ids(List<JsonObject> members, bool user) =>
        members.Where(m => string.Equals((string?)m["@odata.type"], "#microsoft.graph.group", StringComparison.OrdinalIgnoreCase) != user)
            .Select(m => (string)m["id"]!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// Group DNs by Graph group id, or none when Get-Group cannot be read: the groups and their members are still
    /// complete, and a DN is never guessed — the scope engine reports a MemberOfGroup filter it cannot resolve as
    /// undetermined, which is the honest answer without the DN.
    /// </summary>
    private async Task<Dictionary<string, string>> DistinguishedNamesAsync(CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var exchange = new ExchangeAdminClient(connection, source);
            var parameters = new Dictionary<string, object> { ["ResultSize"] = "Unlimited" };
            await foreach (var row in exchange.StreamAsync("Get-Group", parameters, ct))
            {
                if (ExchangeRow.Text(row, "ExternalDirectoryObjectId") is { } id && ExchangeRow.Text(row, "DistinguishedName") is { } dn)
                {
                    names[id] = dn;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The DNs already read are Exchange's own; the rest stay unknown.
        }

        return names;
    }
}
