using Compliance.Collectors.Internal;
using Microsoft.Graph.Models;
using AdministrativeUnit = Compliance.Rules.Evidence.AdministrativeUnit;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Administrative units and their user members (GET /directory/administrativeUnits, …/{id}/members): an Exchange RBAC
/// assignment scoped to an administrative unit reaches exactly these users' mailboxes (m365-apis.md §5.1).
/// </summary>
internal sealed class AdministrativeUnitsCollector(TenantConnection connection, SourceContext source)
{
    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("AdministrativeUnit.Read.All");

    public Task<SourceOutcome<AdministrativeUnit>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var client = GraphClients.Create(connection, source);
            var units = new List<Microsoft.Graph.Models.AdministrativeUnit>();
            var page = await client.Directory.AdministrativeUnits.GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], token);
            while (page is not null)
            {
                units.AddRange(page.Value ?? []);
                page = page.OdataNextLink is { } next ? await client.Directory.AdministrativeUnits.WithUrl(next).GetAsync(cancellationToken: token) : null;
            }

            var records = new List<AdministrativeUnit>();
            foreach (var unit in units.Where(u => u.Id is not null))
            {
                var members = new List<string>();
                var memberPage = await client.Directory.AdministrativeUnits[unit.Id].Members.GetAsync(r => r.QueryParameters.Select = ["id"], token);
                while (memberPage is not null)
                {
                    members.AddRange((memberPage.Value ?? [])
                        .Where(m => m.Id is not null && (m is User || string.Equals(m.OdataType, "#microsoft.graph.user", StringComparison.OrdinalIgnoreCase)))
                        .Select(m => m.Id!));
                    memberPage = memberPage.OdataNextLink is { } next
                        ? await client.Directory.AdministrativeUnits[unit.Id].Members.WithUrl(next).GetAsync(cancellationToken: token)
                        : null;
                }

                records.Add(new AdministrativeUnit(unit.Id!, unit.DisplayName ?? "", members));
            }

            return ((IReadOnlyList<AdministrativeUnit>)records, (string?)null);
        }, ct);
}
