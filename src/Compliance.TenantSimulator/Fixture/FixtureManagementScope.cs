namespace Compliance.TenantSimulator.Fixture;

/// <summary>New-ManagementScope -RecipientRestrictionFilter (m365-apis.md §5.1); the filter is kept verbatim, even when malformed.</summary>
internal sealed class FixtureManagementScope
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string RecipientFilter { get; set; } = "";
    public bool Exclusive { get; set; }
}
