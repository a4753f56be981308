namespace Compliance.TenantSimulator.Fixture;

internal sealed class FixtureTenant
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Domain { get; set; } = "";
}
