namespace Compliance.Worker.Configuration;

/// <summary>One monitored tenant (appsettings.json Tenants:{name}).</summary>
public sealed class TenantSettings
{
    public string? TenantId { get; set; }

    public CloudKind Cloud { get; set; } = CloudKind.Global;

    public EndpointSettings? Endpoints { get; set; }

    public AuthSettings Auth { get; set; } = new();

    /// <summary>IANA time zone of the monthly review schedule.</summary>
    public string TimeZone { get; set; } = "UTC";
}
