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
            var page = await client.ServicePrincipals.GetAsync(r =>
            {
                r.QueryParameters.Select = ["id", "appId", "displayName", "servicePrincipalType", "accountEnabled", "passwordCredentials", "keyCredentials"];
                r.QueryParameters.Top = 999;
            }, token);
            while (page is not null)
            {
                foreach (var sp in page.Value ?? [])
                {
                    records.Add(new ServicePrincipal(
                        sp.Id ?? "", sp.AppId ?? "", sp.DisplayName ?? "", sp.ServicePrincipalType, sp.AccountEnabled ?? false,
                        CredentialMapper.Map(sp.PasswordCredentials, sp.KeyCredentials, CredentialHolder.ServicePrincipal)));
                }

                page = page.OdataNextLink is { } next ? await client.ServicePrincipals.WithUrl(next).GetAsync(cancellationToken: token) : null;
            }

            return ((IReadOnlyList<ServicePrincipal>)records, (string?)null);
        }, ct);
}
