namespace Compliance.Rules.Evidence;

/// <summary>
/// A legacy Application Access Policy (Get-ApplicationAccessPolicy). The only construct that narrows
/// an Entra Mail.Send grant (architecture.md §1).
/// </summary>
public sealed record ApplicationAccessPolicy(
    string Identity,
    string AppId,
    AccessRight AccessRight,
    string ScopeName,
    string? ScopeIdentity,
    string? Description);
