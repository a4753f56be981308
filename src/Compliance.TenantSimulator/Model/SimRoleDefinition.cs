namespace Compliance.TenantSimulator.Model;

/// <summary>An Exchange "Application …" role with the permissions it grants (m365-apis.md §5.1 role list).</summary>
public sealed record SimRoleDefinition(string Id, string Name, IReadOnlyList<string> Permissions);
