namespace Compliance.TenantSimulator.Model;

/// <summary>A Purview auditLogRecord of an exchangeItem operation performed by an app.</summary>
public sealed record SimAuditRecord(string Id, DateTimeOffset CreatedDateTime, string Operation, string MailboxAddress, string MailboxId, string AppId, string? Subject);
