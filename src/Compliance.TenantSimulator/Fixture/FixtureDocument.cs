namespace Compliance.TenantSimulator.Fixture;

/// <summary>The JSON fixture as written on disk (docs/tenant-fixture.md). Dates are still unresolved strings here.</summary>
internal sealed class FixtureDocument
{
    public FixtureTenant? Tenant { get; set; }
    public string? AuditorAppId { get; set; }
    public Dictionary<string, FixtureResource> Resources { get; set; } = [];
    public List<FixtureApp> Apps { get; set; } = [];
    public FixtureFillerApps? FillerApps { get; set; }
    public List<FixtureMailbox> Mailboxes { get; set; } = [];

    /// <summary>
    /// Users whose mailbox was converted to a mail user (or disabled): still user accounts, no longer mailboxes —
    /// Exchange's Get-User lists them, Get-Mailbox does not. Same fields as a mailbox; the type is ignored.
    /// </summary>
    public List<FixtureMailbox> MailUsers { get; set; } = [];
    public List<FixtureGroup> Groups { get; set; } = [];
    public List<FixtureAdministrativeUnit> AdministrativeUnits { get; set; } = [];
    public List<FixtureManagementScope> ManagementScopes { get; set; } = [];
    public List<FixtureRoleAssignment> RoleAssignments { get; set; } = [];
    public List<FixtureDelegatedGrant> DelegatedGrants { get; set; } = [];
    public FixtureOrganization Organization { get; set; } = new();
    public FixtureActivity Activity { get; set; } = new();
    public FixtureFailures Failures { get; set; } = new();
    public FixturePreviousReview? PreviousReview { get; set; }
}
