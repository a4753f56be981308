namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// New-ManagementRoleAssignment -App … -Role "Application …" with at most one of -CustomResourceScope (scope name)
/// or -RecipientAdministrativeUnitScope (admin unit display name); neither = organisation-wide.
/// </summary>
internal sealed class FixtureRoleAssignment
{
    public string? Id { get; set; }
    public string AppId { get; set; } = "";
    public string Role { get; set; } = "";
    public string? CustomResourceScope { get; set; }
    public string? AdministrativeUnit { get; set; }
    public bool Enabled { get; set; } = true;
    public string? CreatedDateTime { get; set; }
}
