using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Delegated grants (GET /oauth2PermissionGrants, m365-apis.md §4 [S18c]): one tenant-wide paged read, never one call
/// per app. clientId is the client service principal's object id; scope is space-separated.
/// </summary>
internal sealed class DelegatedGrantsCollector(TenantConnection connection, SourceContext source)
{
    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("Directory.Read.All");

    public Task<SourceOutcome<DelegatedGrant>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var client = GraphClients.Create(connection, source);
            var records = new List<DelegatedGrant>();
            var page = await client.Oauth2PermissionGrants.GetAsync(
                r => r.QueryParameters.Select = ["id", "clientId", "consentType", "principalId", "resourceId", "scope"], token);
            string? partial = null;
            while (page is not null)
            {
                foreach (var g in page.Value ?? [])
                {
                    records.Add(new DelegatedGrant(g.Id ?? "", g.ClientId ?? "", g.ConsentType ?? "", g.PrincipalId, g.ResourceId ?? "", g.Scope ?? ""));
                }

                if (page.OdataNextLink is not { } next)
                {
                    break;
                }

                try
                {
                    page = await client.Oauth2PermissionGrants.WithUrl(next).GetAsync(cancellationToken: token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    partial = $"a later page failed after {records.Count} grant(s) were read: {FailureReason.Describe(e, Requirement)}";
                    break;
                }
            }

            return ((IReadOnlyList<DelegatedGrant>)records, partial);
        }, ct);
}
