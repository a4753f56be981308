using Compliance.Collectors;

namespace Compliance.Worker.Configuration;

/// <summary>
/// The endpoints of a tenant's cloud (CloudEndpoints.Global/USGov/China, learn: graph/deployments), with every value of
/// Tenants:{name}:Endpoints laid over them; Custom starts from the worldwide scopes and needs the three hosts.
/// </summary>
public static class TenantEndpoints
{
    public static CloudEndpoints For(TenantSettings tenant, string key)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var defaults = tenant.Cloud switch
        {
            CloudKind.Global => CloudEndpoints.Global,
            CloudKind.USGov => CloudEndpoints.USGov,
            CloudKind.China => CloudEndpoints.China,
            _ => null,
        };
        var given = tenant.Endpoints ?? new EndpointSettings();
        var graph = given.Graph is { } g ? WithVersion(g) : defaults?.GraphBaseUrl;
        var endpoints = new CloudEndpoints(
            given.AuthorityHost ?? defaults?.AuthorityHost ?? throw Missing(key, "AuthorityHost"),
            graph ?? throw Missing(key, "Graph"),
            given.ExchangeAdmin ?? defaults?.ExchangeAdminBaseUrl ?? throw Missing(key, "ExchangeAdmin"),
            given.GraphScope ?? defaults?.GraphScope ?? CloudEndpoints.GraphDefaultScope,
            given.ExchangeScope ?? defaults?.ExchangeScope ?? CloudEndpoints.ExchangeDefaultScope);
        var logAnalytics = defaults ?? CloudEndpoints.Global;
        return endpoints with
        {
            LogAnalyticsBaseUrl = given.LogAnalytics ?? logAnalytics.LogAnalyticsBaseUrl,
            LogAnalyticsScope = given.LogAnalyticsScope ?? logAnalytics.LogAnalyticsScope,
        };
    }

    /// <summary>The collectors call v1.0 paths below this base and beta beside it (CloudEndpoints.GraphBetaUrl).</summary>
    private static Uri WithVersion(Uri graph) =>
        graph.AbsolutePath.Trim('/').Length == 0 ? new Uri(graph, "/v1.0") : graph;

    private static ConfigurationException Missing(string key, string name) =>
        new($"{key}:Endpoints:{name}: required for Cloud=Custom");
}
