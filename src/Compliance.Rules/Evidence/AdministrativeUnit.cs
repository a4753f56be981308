namespace Compliance.Rules.Evidence;

/// <summary>An Entra administrative unit and its user members (directory/administrativeUnits/{id}/members).</summary>
public sealed record AdministrativeUnit(string Id, string DisplayName, IReadOnlyList<string> MemberUserIds);
