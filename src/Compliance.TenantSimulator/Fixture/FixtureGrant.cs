namespace Compliance.TenantSimulator.Fixture;

/// <summary>An application permission named by resource key ("graph"/"exchange") and role value; the id is resolved from the role catalog.</summary>
internal sealed class FixtureGrant
{
    public string Resource { get; set; } = "";
    public string Role { get; set; } = "";
    public string? CreatedDateTime { get; set; }
}
