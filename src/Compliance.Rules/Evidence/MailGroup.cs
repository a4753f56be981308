namespace Compliance.Rules.Evidence;

/// <summary>
/// A group used by a scope or an access policy, with its <b>direct</b> members only: Exchange evaluates
/// MemberOfGroup on direct membership (learn: application-rbac limits), so nested groups are kept apart.
/// </summary>
public sealed record MailGroup(
    string Id,
    string DisplayName,
    string? Mail,
    string? DistinguishedName,
    IReadOnlyList<string> MemberUserIds,
    IReadOnlyList<string> MemberGroupIds);
