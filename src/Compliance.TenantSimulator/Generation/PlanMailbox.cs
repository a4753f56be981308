namespace Compliance.TenantSimulator.Generation;

/// <summary>A mailbox created for one integration (its approved sender, or a mailbox a defect needs).</summary>
internal sealed record PlanMailbox(string Address, string Type, bool AccountEnabled = false, bool AuditEnabled = true, string? Department = null);
