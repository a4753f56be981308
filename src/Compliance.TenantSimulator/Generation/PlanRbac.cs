namespace Compliance.TenantSimulator.Generation;

/// <summary>An Exchange RBAC for Applications assignment: scoped to a management scope, an administrative unit, or neither (organisation).</summary>
internal sealed record PlanRbac(string Role, string? ScopeName = null, string? UnitName = null);
