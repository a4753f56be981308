namespace Compliance.TenantSimulator.Model;

public sealed record SimAdministrativeUnit(string Id, string DisplayName, IReadOnlyList<string> MemberUserIds);
