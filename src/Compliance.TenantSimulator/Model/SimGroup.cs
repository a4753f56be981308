namespace Compliance.TenantSimulator.Model;

/// <summary>A mail-enabled security group with its direct members (user ids and group ids).</summary>
public sealed record SimGroup(
    string Id,
    string DisplayName,
    string Mail,
    string DistinguishedName,
    IReadOnlyList<string> MemberUserIds,
    IReadOnlyList<string> MemberGroupIds);
