namespace Compliance.Rules.Evidence;

/// <summary>
/// An Exchange management scope (customAppScopes / Get-ManagementScope). The OPATH filter text is kept as
/// written; an exclusive scope does not fence mailboxes off from apps (controls.md).
/// </summary>
public sealed record ManagementScope(string Id, string Name, string? RecipientFilter, bool Exclusive);
