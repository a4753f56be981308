namespace Compliance.TenantSimulator.Fixture;

/// <summary>An Entra administrative unit; members are mailbox addresses.</summary>
internal sealed class FixtureAdministrativeUnit
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<string> Members { get; set; } = [];
}
