using Compliance.Collectors.Incremental;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Application permissions, read as one paged appRoleAssignedTo sweep per resource SP (Microsoft Graph, Office 365
/// Exchange Online) instead of one call per app (m365-apis.md §4 [S18b]). Role values are resolved from that
/// resource's appRoles, because Exchange reuses Graph role ids (reference/data/README.md).
/// </summary>
internal sealed class AppRoleGrantsCollector(TenantConnection connection, SourceContext source)
{
    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("Application.Read.All");

    private static readonly string[] ResourceAppIds = [WellKnownIds.MicrosoftGraphAppId, WellKnownIds.ExchangeOnlineAppId];

    public Task<SourceOutcome<AppRoleGrant>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var client = GraphClients.Create(connection, source);
            var records = new List<AppRoleGrant>();
            var missing = new List<string>();
            var repeated = new StringPool();
            foreach (var resourceAppId in ResourceAppIds)
            {
                if (!await SweepAsync(client, resourceAppId, records, repeated, token))
                {
                    missing.Add(resourceAppId);
                }
            }

            var partial = missing.Count == 0 ? null : $"resource service principal not found (HTTP 404) for appId {string.Join(", ", missing)}; grants on it were not read";
            return ((IReadOnlyList<AppRoleGrant>)records, partial);
        }, ct);

    /// <summary>
    /// One resource's grants. Their principal, resource and role columns repeat (an app holds several roles; two
    /// resources, a few dozen roles): <paramref name="repeated"/> gives each value one shared string across the read.
    /// </summary>
    private static async Task<bool> SweepAsync(GraphServiceClient client, string resourceAppId, List<AppRoleGrant> records, StringPool repeated, CancellationToken ct)
    {
        Microsoft.Graph.Models.ServicePrincipal? resource;
        try
        {
            resource = await client.ServicePrincipalsWithAppId(resourceAppId).GetAsync(r => r.QueryParameters.Select = ["id", "appId", "displayName", "appRoles"], ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return false;
        }

        if (resource?.Id is not { } resourceId)
        {
            return false;
        }

        var roleValues = (resource.AppRoles ?? [])
            .Where(r => r.Id is not null)
            .GroupBy(r => r.Id!.Value)
            .ToDictionary(g => g.Key, g => g.First().Value);
        var page = await client.ServicePrincipals[resourceId].AppRoleAssignedTo.GetAsync(r => r.QueryParameters.Top = 999, ct);
        while (page is not null)
        {
            foreach (var a in page.Value ?? [])
            {
                // A role id missing from appRoles keeps the grant with a null value rather than dropping it.
                var value = a.AppRoleId is { } roleId && roleValues.TryGetValue(roleId, out var v) ? v : null;
                records.Add(new AppRoleGrant(
                    a.Id ?? "",
                    repeated.Get(a.PrincipalId?.ToString() ?? ""),
                    repeated.GetOrNull(a.PrincipalDisplayName),
                    repeated.Get(a.ResourceId?.ToString() ?? resourceId),
                    resource.AppId ?? resourceAppId,
                    repeated.GetOrNull(a.ResourceDisplayName ?? resource.DisplayName),
                    repeated.Get(a.AppRoleId?.ToString() ?? ""),
                    value,
                    a.CreatedDateTime));
            }

            page = page.OdataNextLink is { } next ? await client.ServicePrincipals[resourceId].AppRoleAssignedTo.WithUrl(next).GetAsync(cancellationToken: ct) : null;
        }

        return true;
    }
}
