using Compliance.Collectors.Delta;
using Compliance.Collectors.Incremental;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;
using Microsoft.Graph;

namespace Compliance.Collectors.Sources;

/// <summary>
/// GET /servicePrincipals: credentials set on the enterprise app are only visible here (m365-apis.md §4). A full read
/// is the listing at $top=999 plus one "sync from now" deltaLink; later runs call that deltaLink and merge the changed
/// service principals (DeltaSync, DeltaRequests).
/// </summary>
internal sealed class ServicePrincipalsCollector(TenantConnection connection, SourceContext source, IDirectoryDeltaStore? store, SharedStrings appNames)
{
    private static readonly string[] Fields = ["id", "appId", "displayName", "servicePrincipalType", "accountEnabled", "passwordCredentials", "keyCredentials"];

    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("Application.Read.All");

    public Task<SourceOutcome<ServicePrincipal>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var client = GraphClients.Create(connection, source);
            var quality = new DataQuality();
            var sync = new DeltaSync(store, connection.TenantId, source, connection.Endpoints.GraphBaseUrl);
            // One shared string per value while the read is projected: servicePrincipalType takes a few values
            // (Application, ManagedIdentity, Legacy, SocialIdp — learn: graph/api/resources/serviceprincipal).
            StringPool types = new(), credentialNames = new();
            var records = await sync.SyncAsync(client, Requests(client), o => Record(o, quality, appNames, types, credentialNames), token);
            quality.Count("service principal record(s) had no id or appId and were not stored", sync.Unidentified);
            return (records, quality.Warning(null));
        }, ct);

    private static ServicePrincipal? Record(System.Text.Json.JsonElement o, DataQuality quality, SharedStrings appNames, StringPool types, StringPool credentialNames)
    {
        var sp = DeltaObjects.Typed(o, Microsoft.Graph.Models.ServicePrincipal.CreateFromDiscriminatorValue);
        if (string.IsNullOrEmpty(sp.Id) || string.IsNullOrEmpty(sp.AppId))
        {
            // Grants name their principal by object id and the register by appId: without both the record
            // cannot be judged, so it is counted instead of stored with an empty key.
            quality.Count("service principal record(s) had no id or appId and were not stored");
            return null;
        }

        // accountEnabled is always present on a servicePrincipal (Microsoft Learn, "servicePrincipal resource
        // type"); when it is not, the principal is kept as enabled — it may be able to sign in — and counted.
        quality.Count("service principal record(s) had no accountEnabled and were kept as enabled", sp.AccountEnabled is null ? 1 : 0);
        return new ServicePrincipal(
            sp.Id, sp.AppId, appNames.Get(sp.DisplayName ?? ""), types.GetOrNull(sp.ServicePrincipalType), sp.AccountEnabled ?? true,
            CredentialMapper.Map(sp.PasswordCredentials, sp.KeyCredentials, CredentialHolder.ServicePrincipal, credentialNames));
    }

    private static DeltaRequests Requests(GraphServiceClient client) => DeltaRequests.Listed(
        () => client.ServicePrincipals.Delta.ToGetRequestInformation(r => r.QueryParameters.Select = Fields),
        () => client.ServicePrincipals.ToGetRequestInformation(r => (r.QueryParameters.Select, r.QueryParameters.Top) = (Fields, 999)),
        link => client.ServicePrincipals.WithUrl(link).ToGetRequestInformation());
}
