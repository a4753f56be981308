using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>GET /servicePrincipals: credentials set on the enterprise app are only visible here (m365-apis.md §4).</summary>
internal sealed class ServicePrincipalsCollector(TenantConnection connection, SourceContext source)
{
    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("Application.Read.All");

    public Task<SourceOutcome<ServicePrincipal>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var client = GraphClients.Create(connection, source);
            var records = new List<ServicePrincipal>();
            var quality = new DataQuality();
            var page = await client.ServicePrincipals.GetAsync(r =>
            {
                r.QueryParameters.Select = ["id", "appId", "displayName", "servicePrincipalType", "accountEnabled", "passwordCredentials", "keyCredentials"];
                r.QueryParameters.Top = 999;
            }, token);
            while (page is not null)
            {
                foreach (var sp in page.Value ?? [])
                {
                    if (string.IsNullOrEmpty(sp.Id) || string.IsNullOrEmpty(sp.AppId))
                    {
                        // Grants name their principal by object id and the register by appId: without both the record
                        // cannot be judged, so it is counted instead of stored with an empty key.
                        quality.Count("service principal record(s) had no id or appId and were not stored");
                        continue;
                    }

                    // accountEnabled is always present on a servicePrincipal (Microsoft Learn, "servicePrincipal resource
                    // type"); when it is not, the principal is kept as enabled — it may be able to sign in — and counted.
                    quality.Count("service principal record(s) had no accountEnabled and were kept as enabled", sp.AccountEnabled is null ? 1 : 0);
                    records.Add(new ServicePrincipal(
                        sp.Id, sp.AppId, sp.DisplayName ?? "", sp.ServicePrincipalType, sp.AccountEnabled ?? true,
                        CredentialMapper.Map(sp.PasswordCredentials, sp.KeyCredentials, CredentialHolder.ServicePrincipal)));
                }

                page = page.OdataNextLink is { } next ? await client.ServicePrincipals.WithUrl(next).GetAsync(cancellationToken: token) : null;
            }

            return ((IReadOnlyList<ServicePrincipal>)records, quality.Warning(null));
        }, ct);
}
