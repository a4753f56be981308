namespace Compliance.Rules.Evidence;

/// <summary>Get-OrganizationConfig's AuditDisabled: true turns mailbox auditing off for the whole organisation.</summary>
public sealed record OrganizationAuditConfig(bool AuditDisabled);
