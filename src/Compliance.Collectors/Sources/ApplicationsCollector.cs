using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>GET /applications with only the fields the rules need, $top=999, following @odata.nextLink (m365-apis.md §4).</summary>
internal sealed class ApplicationsCollector(TenantConnection connection, SourceContext source)
{
    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("Application.Read.All");

    public Task<SourceOutcome<AppRegistration>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var client = GraphClients.Create(connection, source);
            var records = new List<AppRegistration>();
            var page = await client.Applications.GetAsync(r =>
            {
                r.QueryParameters.Select = ["id", "appId", "displayName", "passwordCredentials", "keyCredentials"];
                r.QueryParameters.Top = 999;
            }, token);
            while (page is not null)
            {
                foreach (var app in page.Value ?? [])
                {
                    records.Add(new AppRegistration(
                        app.Id ?? "", app.AppId ?? "", app.DisplayName ?? "",
                        CredentialMapper.Map(app.PasswordCredentials, app.KeyCredentials, CredentialHolder.Application)));
                }

                page = page.OdataNextLink is { } next ? await client.Applications.WithUrl(next).GetAsync(cancellationToken: token) : null;
            }

            return ((IReadOnlyList<AppRegistration>)records, (string?)null);
        }, ct);
}
