namespace Compliance.Rules.Scope;

/// <summary>Why a mailbox is in an app's set: the path and the grant/assignment/scope that opened it.</summary>
public sealed record ScopeReason(SendAsPath Path, string Description);
