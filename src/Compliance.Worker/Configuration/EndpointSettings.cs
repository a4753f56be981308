namespace Compliance.Worker.Configuration;

/// <summary>
/// Endpoints of a Custom cloud (also how a simulator at a fixed address is reached). For Global, USGov and China every
/// value set here overrides that cloud's default, so any single endpoint can be moved (a proxy, a private link).
/// </summary>
public sealed class EndpointSettings
{
    public Uri? AuthorityHost { get; set; }

    /// <summary>Graph v1.0 base, e.g. https://graph.microsoft.com/v1.0 (a bare host gets /v1.0; beta sits beside it).</summary>
    public Uri? Graph { get; set; }

    public Uri? ExchangeAdmin { get; set; }

    /// <summary>The Log Analytics query API host, for Tenants:{name}:SignInWorkspaceId.</summary>
    public Uri? LogAnalytics { get; set; }

    /// <summary>Token scopes; for Custom they default to the worldwide ones.</summary>
    public string? GraphScope { get; set; }

    public string? ExchangeScope { get; set; }

    public string? LogAnalyticsScope { get; set; }
}
