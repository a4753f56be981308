namespace Compliance.Collectors;

/// <summary>Where the identity platform, Graph and the Exchange admin API live for one cloud (or the simulator).</summary>
public sealed record CloudEndpoints(Uri AuthorityHost, Uri GraphBaseUrl, Uri ExchangeAdminBaseUrl, string GraphScope, string ExchangeScope)
{
    public const string GraphDefaultScope = "https://graph.microsoft.com/.default";
    public const string ExchangeDefaultScope = "https://outlook.office365.com/.default";

    /// <summary>The worldwide cloud; Exchange admin API host per m365-apis.md §5.3 Option B.</summary>
    public static CloudEndpoints Global { get; } = new(
        new Uri("https://login.microsoftonline.com/"),
        new Uri("https://graph.microsoft.com/v1.0"),
        new Uri("https://outlook.office365.com/"),
        GraphDefaultScope,
        ExchangeDefaultScope);

    /// <summary>Everything at the simulator's base URI; the scopes stay the real ones (the simulator maps them to audiences).</summary>
    public static CloudEndpoints ForSimulator(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        return new CloudEndpoints(root, new Uri(root, "v1.0"), root, GraphDefaultScope, ExchangeDefaultScope);
    }

    internal bool IsGlobal => AuthorityHost == Global.AuthorityHost;
}
