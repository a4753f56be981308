namespace Compliance.Rules.Evidence;

/// <summary>The application permissions recorded by the last attested run — what PERM-003 compares against.</summary>
public sealed record PermissionBaseline(
    string RunId,
    DateTimeOffset AttestedAt,
    IReadOnlyList<AppRoleGrant> AppRoleGrants,
    IReadOnlyList<ExchangeRoleAssignment> ExchangeRoleAssignments);
