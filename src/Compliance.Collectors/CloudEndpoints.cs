namespace Compliance.Collectors;

/// <summary>
/// Where the identity platform, Graph, the Exchange admin API and Log Analytics live for one cloud (or the
/// simulator). Every endpoint is configurable: a Custom cloud, and the simulator, are just other values.
/// </summary>
public sealed record CloudEndpoints(Uri AuthorityHost, Uri GraphBaseUrl, Uri ExchangeAdminBaseUrl, string GraphScope, string ExchangeScope)
{
    public const string GraphDefaultScope = "https://graph.microsoft.com/.default";
    public const string ExchangeDefaultScope = "https://outlook.office365.com/.default";

    /// <summary>
    /// The Log Analytics query API host. api.loganalytics.azure.com replaces api.loganalytics.io, which stays supported
    /// (m365-apis.md §1.4 [S9a]).
    /// </summary>
    public Uri LogAnalyticsBaseUrl { get; init; } = new("https://api.loganalytics.azure.com/");

    /// <summary>The token scope public Azure.Identity code uses for the query API (m365-apis.md §1.4 [S34]).</summary>
    public string LogAnalyticsScope { get; init; } = "https://api.loganalytics.io/.default";

    /// <summary>Graph beta beside the configured v1.0 base: sign-ins with servicePrincipal events and Exchange RBAC are beta only.</summary>
    public Uri GraphBetaUrl
    {
        get
        {
            var v1 = GraphBaseUrl.AbsoluteUri.TrimEnd('/');
            return new Uri(v1.EndsWith("/v1.0", StringComparison.OrdinalIgnoreCase) ? v1[..^"v1.0".Length] + "beta" : v1 + "/beta");
        }
    }

    /// <summary>The worldwide cloud; Exchange admin API host per m365-apis.md §5.3 Option B.</summary>
    public static CloudEndpoints Global { get; } = new(
        new Uri("https://login.microsoftonline.com/"),
        new Uri("https://graph.microsoft.com/v1.0"),
        new Uri("https://outlook.office365.com/"),
        GraphDefaultScope,
        ExchangeDefaultScope);

    /// <summary>
    /// US Government (GCC High): learn: graph/deployments for the login, Graph and Exchange hosts; the Log Analytics
    /// host of Azure Government is api.loganalytics.us.
    /// </summary>
    public static CloudEndpoints USGov { get; } = new(
        new Uri("https://login.microsoftonline.us/"),
        new Uri("https://graph.microsoft.us/v1.0"),
        new Uri("https://outlook.office365.us/"),
        "https://graph.microsoft.us/.default",
        "https://outlook.office365.us/.default")
    {
        LogAnalyticsBaseUrl = new Uri("https://api.loganalytics.us/"),
        LogAnalyticsScope = "https://api.loganalytics.us/.default",
    };

    /// <summary>China (21Vianet): learn: graph/deployments; Log Analytics per docs.azure.cn azure-monitor/logs/api/request-format.</summary>
    public static CloudEndpoints China { get; } = new(
        new Uri("https://login.chinacloudapi.cn/"),
        new Uri("https://microsoftgraph.chinacloudapi.cn/v1.0"),
        new Uri("https://partner.outlook.cn/"),
        "https://microsoftgraph.chinacloudapi.cn/.default",
        "https://partner.outlook.cn/.default")
    {
        LogAnalyticsBaseUrl = new Uri("https://api.loganalytics.azure.cn/"),
        LogAnalyticsScope = "https://api.loganalytics.azure.cn/.default",
    };

    /// <summary>Everything at the simulator's base URI; the scopes stay the real ones (the simulator maps them to audiences).</summary>
    public static CloudEndpoints ForSimulator(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        return new CloudEndpoints(root, new Uri(root, "v1.0"), root, GraphDefaultScope, ExchangeDefaultScope) { LogAnalyticsBaseUrl = root };
    }

    /// <summary>Instance discovery only knows the public and national clouds; a custom authority (the simulator) must skip it.</summary>
    internal bool IsKnownCloud => AuthorityHost == Global.AuthorityHost || AuthorityHost == USGov.AuthorityHost || AuthorityHost == China.AuthorityHost;
}
