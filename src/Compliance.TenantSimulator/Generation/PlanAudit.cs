namespace Compliance.TenantSimulator.Generation;

/// <summary>One planted mailbox-audit row (an app sending from a mailbox).</summary>
internal sealed record PlanAudit(DateTimeOffset At, string MailboxAddress, string Operation);
