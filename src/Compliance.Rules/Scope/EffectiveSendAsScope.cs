namespace Compliance.Rules.Scope;

/// <summary>
/// The set of mailboxes an app can send as: the union of Entra grants (narrowed only by Application Access
/// Policies) and Exchange RBAC assignments (architecture.md §1). <see cref="Unrestricted"/> means every mailbox
/// in the tenant; <see cref="Problems"/> lists what could not be resolved (e.g. a malformed OPATH filter, quoted).
/// </summary>
public sealed record EffectiveSendAsScope(
    string AppId,
    string AppDisplayName,
    bool Unrestricted,
    ScopeMembers Mailboxes,
    IReadOnlyList<string> Problems);
