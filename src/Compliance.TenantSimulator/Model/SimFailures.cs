namespace Compliance.TenantSimulator.Model;

/// <summary>Planted prerequisite/permission failures (docs/tenant-fixture.md "failures").</summary>
public sealed record SimFailures(bool AuditQueryV1Absent, bool MessageTraceServicePrincipalMissing, bool NoPremiumLicence, IReadOnlySet<string> DeniedPermissions)
{
    public static SimFailures None { get; } = new(false, false, false, new HashSet<string>());

    public bool Denies(string permissionGroup) => DeniedPermissions.Contains(permissionGroup);
}
