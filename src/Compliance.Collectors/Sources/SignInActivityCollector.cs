using Compliance.Collectors.Internal;
using Compliance.Collectors.Wire;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Each service principal's last sign-in from Graph beta reports/servicePrincipalSignInActivities (m365-apis.md §1.1
/// [S6b]; AuditLog.Read.All, $top/$filter, paged by @odata.nextLink). Entra keeps these dates beyond any log retention:
/// the report is what its "remove unused applications" recommendation reads, so SIGN-002 can decide when the sign-in
/// logs are short. What counts as a sign-in here: Microsoft Learn calls it "the last time the service principal was
/// used" (concept-usage-insights-report) and the recommendation names apps that issued no tokens in 90 days
/// (recommendation-remove-unused-apps); whether a failed attempt updates the date is not documented (UNCONFIRMED), so
/// the date is read as the last use. A listing that breaks off is partial: absence from it proves nothing.
/// </summary>
internal sealed class SignInActivityCollector(TenantConnection connection, SourceContext source)
{
    private static readonly SourceRequirement Requirement = SourceRequirement.Graph(
        "AuditLog.Read.All", licence: "Usage & insights reports, this one included, need Microsoft Entra ID P1 or P2 (concept-usage-insights-report)");

    public Task<SourceOutcome<ServicePrincipalSignInActivity>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            var records = new List<ServicePrincipalSignInActivity>();
            var quality = new DataQuality();
            using var http = SourceHttp.Create(connection, source, connection.Endpoints.GraphScope);
            var api = new JsonApi(http, "Graph beta");
            // $top=1000 keeps a 100,000-principal tenant at 100 requests on the identity-reports budget; the reference
            // documents $top but no maximum (UNCONFIRMED) — a refusal names itself as the reason, never an empty list.
            var first = new Uri($"{connection.Endpoints.GraphBetaUrl.AbsoluteUri}/reports/servicePrincipalSignInActivities?$top=1000");
            var partial = await PagedRead.EachPageAsync(
                first,
                (url, t) => api.GetAsync(url, WireJson.Default.ODataPageSignInActivityWire, t),
                page => page.NextLink,
                (page, _) =>
                {
                    quality.Count("sign-in activity record(s) had no appId and were not kept", page.Value.Count(a => string.IsNullOrEmpty(a.AppId)));
                    records.AddRange(page.Value.Where(a => !string.IsNullOrEmpty(a.AppId)).Select(a => new ServicePrincipalSignInActivity(
                        a.AppId!, a.ApplicationAuthenticationClientSignInActivity?.LastSignInDateTime, a.LastSignInActivity?.LastSignInDateTime)));
                    return Task.CompletedTask;
                },
                Requirement,
                token);
            return ((IReadOnlyList<ServicePrincipalSignInActivity>)records, quality.Warning(partial));
        }, ct);
}
