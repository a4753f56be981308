namespace Compliance.TenantSimulator.Fixture;

/// <summary>The JSON fixture as written on disk (docs/tenant-fixture.md). Dates are still unresolved strings here.</summary>
internal sealed class FixtureDocument
{
    public FixtureTenant? Tenant { get; set; }
    public string? AuditorAppId { get; set; }
    public Dictionary<string, FixtureResource> Resources { get; set; } = [];
    public List<FixtureApp> Apps { get; set; } = [];
    public FixtureFillerApps? FillerApps { get; set; }
}
