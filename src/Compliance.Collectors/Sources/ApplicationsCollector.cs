using Compliance.Collectors.Delta;
using Compliance.Collectors.Incremental;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;
using Microsoft.Graph;

namespace Compliance.Collectors.Sources;

/// <summary>
/// GET /applications with only the fields the rules need, $top=999, following @odata.nextLink (m365-apis.md §4), plus
/// one "sync from now" deltaLink; later runs call that deltaLink and merge the changed applications (DeltaSync).
/// </summary>
internal sealed class ApplicationsCollector(TenantConnection connection, SourceContext source, IDirectoryDeltaStore? store, SharedStrings appNames)
{
    private static readonly string[] Fields = ["id", "appId", "displayName", "passwordCredentials", "keyCredentials"];

    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("Application.Read.All");

    public Task<SourceOutcome<AppRegistration>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var client = GraphClients.Create(connection, source);
            var sync = new DeltaSync(store, connection.TenantId, source, connection.Endpoints.GraphBaseUrl);
            var credentialNames = new StringPool();
            var records = await sync.SyncAsync(client, Requests(client), o => Record(o, appNames, credentialNames), token);
            var quality = new DataQuality();
            quality.Count("application record(s) had no id and were not stored", sync.Unidentified);
            return (records, quality.Warning(null));
        }, ct);

    private static AppRegistration Record(System.Text.Json.JsonElement o, SharedStrings appNames, StringPool credentialNames)
    {
        var app = DeltaObjects.Typed(o, Microsoft.Graph.Models.Application.CreateFromDiscriminatorValue);
        return new AppRegistration(
            app.Id ?? "", app.AppId ?? "", appNames.Get(app.DisplayName ?? ""),
            CredentialMapper.Map(app.PasswordCredentials, app.KeyCredentials, CredentialHolder.Application, credentialNames));
    }

    private static DeltaRequests Requests(GraphServiceClient client) => DeltaRequests.Listed(
        () => client.Applications.Delta.ToGetRequestInformation(r => r.QueryParameters.Select = Fields),
        () => client.Applications.ToGetRequestInformation(r => (r.QueryParameters.Select, r.QueryParameters.Top) = (Fields, 999)),
        link => client.Applications.WithUrl(link).ToGetRequestInformation());
}
