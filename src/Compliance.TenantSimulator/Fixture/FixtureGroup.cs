namespace Compliance.TenantSimulator.Fixture;

/// <summary>A mail-enabled security group; members are mailbox addresses or other groups' mail addresses (direct members only).</summary>
internal sealed class FixtureGroup
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Mail { get; set; } = "";
    public List<string> Members { get; set; } = [];
}
