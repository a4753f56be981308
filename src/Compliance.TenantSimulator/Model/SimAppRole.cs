namespace Compliance.TenantSimulator.Model;

public sealed record SimAppRole(string Id, string Value, string DisplayName, string Description, IReadOnlyList<string> AllowedMemberTypes, bool IsEnabled);
