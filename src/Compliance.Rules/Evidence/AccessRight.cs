namespace Compliance.Rules.Evidence;

/// <summary>Application Access Policy rights (New-ApplicationAccessPolicy -AccessRight).</summary>
public enum AccessRight
{
    RestrictAccess,
    DenyAccess,
}
