namespace Compliance.Worker.Configuration;

/// <summary>One monitored tenant (appsettings.json Tenants:{name}).</summary>
public sealed class TenantSettings
{
    public string? TenantId { get; set; }

    public CloudKind Cloud { get; set; } = CloudKind.Global;

    public EndpointSettings? Endpoints { get; set; }

    public AuthSettings Auth { get; set; } = new();

    /// <summary>
    /// Log Analytics workspace receiving the ServicePrincipalSignInLogs diagnostic category. When set, sign-ins are read
    /// from AADServicePrincipalSignInLogs, which reach back past Graph's 30-day retention (m365-apis.md §1.2–1.3).
    /// </summary>
    public string? SignInWorkspaceId { get; set; }

    /// <summary>IANA time zone of the monthly review schedule.</summary>
    public string TimeZone { get; set; } = "UTC";
}
