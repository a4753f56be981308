namespace Compliance.TenantSimulator.Model;

/// <summary>Planted prerequisite/permission failures (docs/tenant-fixture.md "failures").</summary>
public sealed record SimFailures(bool AuditQueryV1Absent, bool MessageTraceServicePrincipalMissing, bool NoPremiumLicence, IReadOnlySet<string> DeniedPermissions)
{
    public static SimFailures None { get; } = new(false, false, false, new HashSet<string>());

    /// <summary>The sign-in activity report answers 400 to $orderby (whether Graph accepts ordering by the nested date is UNCONFIRMED).</summary>
    public bool SignInActivityOrderByRefused { get; init; }

    /// <summary>The sign-in activity report accepts $orderby but answers in appId order, as a service that silently ignores it would.</summary>
    public bool SignInActivityOrderByIgnored { get; init; }

    public bool Denies(string permissionGroup) => DeniedPermissions.Contains(permissionGroup);
}
