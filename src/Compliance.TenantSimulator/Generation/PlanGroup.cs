namespace Compliance.TenantSimulator.Generation;

/// <summary>A mail-enabled security group a plan needs; members are mailbox addresses or other groups' mail addresses.</summary>
internal sealed record PlanGroup(string Mail, string DisplayName, IReadOnlyList<string> Members);
