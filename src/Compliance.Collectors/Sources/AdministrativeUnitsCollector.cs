using System.Text.Json.Nodes;
using Compliance.Collectors.Delta;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using AdministrativeUnit = Compliance.Rules.Evidence.AdministrativeUnit;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Administrative units and their user members: an Exchange RBAC assignment scoped to an administrative unit reaches
/// exactly these users' mailboxes (m365-apis.md §5.1). Read in one paged delta round, GET
/// /directory/administrativeUnits/delta, whose entries carry each unit's members in members@delta — Graph's v1.0
/// example answer shows members@delta on administrative units (learn: graph/api/administrativeunit-delta) — instead of
/// the listing plus one /members request per unit; later runs merge only the changes (DeltaSync). No $select: the
/// documentation names $select=members for groups only (learn: graph/delta-query-overview, "$select also supports
/// manager and members navigation properties for users and groups"), and its administrative-unit example that
/// returns members@delta sends none. Members other than users (groups, devices) are not counted, as before.
/// </summary>
internal sealed class AdministrativeUnitsCollector(TenantConnection connection, SourceContext source, IDirectoryDeltaStore? store)
{
    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("AdministrativeUnit.Read.All");

    public Task<SourceOutcome<AdministrativeUnit>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var client = GraphClients.Create(connection, source);
            var sync = new DeltaSync(store, connection.TenantId, source, connection.Endpoints.GraphBaseUrl);
            var units = await sync.SyncAsync(client, new DeltaRequests(link => Request(client, link)), token);
            var records = units.Select(u => Record(JsonNode.Parse(u)!.AsObject())).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
            var quality = new DataQuality();
            quality.Count("administrative unit record(s) had no id and were not stored", sync.Unidentified);
            return ((IReadOnlyList<AdministrativeUnit>)records, quality.Warning(null));
        }, ct);

    private static RequestInformation Request(GraphServiceClient client, string? link) => link is null
        ? client.Directory.AdministrativeUnits.Delta.ToGetRequestInformation()
        : client.Directory.AdministrativeUnits.Delta.WithUrl(link).ToGetRequestInformation();

    private static AdministrativeUnit Record(JsonObject unit)
    {
        var members = (unit["members"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(m => string.Equals((string?)m["@odata.type"], "#microsoft.graph.user", StringComparison.OrdinalIgnoreCase))
            .Select(m => (string)m["id"]!)
            .ToArray();
        return new AdministrativeUnit((string)unit["id"]!, (string?)unit["displayName"] ?? "", members);
    }
}
