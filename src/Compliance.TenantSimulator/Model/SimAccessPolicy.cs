namespace Compliance.TenantSimulator.Model;

/// <summary>One Get-ApplicationAccessPolicy row (m365-apis.md §5.2/§5.3 Option B).</summary>
public sealed record SimAccessPolicy(string Identity, string AppId, string AccessRight, string ScopeName, string ScopeIdentity, string? Description);
