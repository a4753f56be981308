namespace Compliance.TenantSimulator.Fixture;

/// <summary>Get-OrganizationConfig settings the audit reads.</summary>
internal sealed class FixtureOrganization
{
    public bool AuditDisabled { get; set; }
}
