namespace Compliance.Rules.Scope;

/// <summary>One mailbox in an app's effective send-as set, and every reason it is there.</summary>
public sealed record ScopeEntry(string MailboxAddress, string? MailboxUserId, IReadOnlyList<ScopeReason> Reasons);
