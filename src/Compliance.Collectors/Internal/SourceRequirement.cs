namespace Compliance.Collectors.Internal;

/// <summary>
/// What a source needs to be collected: the permission named in a 403 reason and how to grant it, and, where the
/// API has one, the prerequisite a 401 points at (message trace: its first-party service principal).
/// </summary>
internal sealed record SourceRequirement(string Permission, string HowToGrant, string? PrerequisiteOn401 = null, string? Licence = null)
{
    public static SourceRequirement Graph(string permission, string? prerequisiteOn401 = null, string? licence = null) =>
        new(permission, PermissionGuide.Graph(permission), prerequisiteOn401, licence);

    public static SourceRequirement Exchange { get; } = new("Exchange.ManageAsApp", PermissionGuide.ExchangeManageAsApp);
}
