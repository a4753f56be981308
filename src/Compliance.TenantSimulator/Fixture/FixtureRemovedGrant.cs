namespace Compliance.TenantSimulator.Fixture;

/// <summary>An application permission an app held at the previous review and no longer holds.</summary>
internal sealed class FixtureRemovedGrant
{
    public string AppId { get; set; } = "";
    public string Resource { get; set; } = "";
    public string Role { get; set; } = "";
}
