namespace Compliance.TenantSimulator.Generation;

/// <summary>One planted message-trace row.</summary>
internal sealed record PlanMessage(DateTimeOffset At, string Sender, string Status);
