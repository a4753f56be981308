using Compliance.Rules.Policy;

namespace Compliance.Worker.Configuration;

/// <summary>The whole of appsettings.json (contract.md "Configuration").</summary>
public sealed class ComplianceSettings
{
    public Dictionary<string, TenantSettings> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, List<IntegrationSettings>> Integrations { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public CompliancePolicy Policy { get; set; } = new();

    public StorageSettings Storage { get; set; } = new();

    public AlertSettings Alerts { get; set; } = new();

    public ReportSettings Reports { get; set; } = new();

    public IReadOnlyList<Integration> RegisterFor(string tenant) =>
        Integrations.TryGetValue(tenant, out var entries) ? entries.Select(e => e.ToIntegration()).ToList() : [];
}
