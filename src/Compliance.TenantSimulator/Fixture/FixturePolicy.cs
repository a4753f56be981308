namespace Compliance.TenantSimulator.Fixture;

internal sealed class FixturePolicy
{
    /// <summary>RestrictAccess or DenyAccess (New-ApplicationAccessPolicy -AccessRight, m365-apis.md §5.2).</summary>
    public string AccessRight { get; set; } = "RestrictAccess";
    public string ScopeName { get; set; } = "";
    public string ScopeIdentity { get; set; } = "";
    public string? Description { get; set; }
}
