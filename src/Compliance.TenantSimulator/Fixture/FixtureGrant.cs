namespace Compliance.TenantSimulator.Fixture;

/// <summary>An application permission named by resource key ("graph"/"exchange") and role value; the id is resolved from the role catalog.</summary>
internal sealed class FixtureGrant
{
    public string Resource { get; set; } = "";
    public string Role { get; set; } = "";

    /// <summary>Optional raw appRoleId, used as is (e.g. a role the resource no longer publishes); overrides <see cref="Role"/>.</summary>
    public string? RoleId { get; set; }
    public string? CreatedDateTime { get; set; }
}
