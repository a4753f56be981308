namespace Compliance.TenantSimulator.Model;

/// <summary>Activity logs, each newest first (the order Graph returns sign-ins in, m365-apis.md §1.1).</summary>
public sealed record SimActivity(IReadOnlyList<SimSignIn> SignIns, IReadOnlyList<SimMessage> Messages, IReadOnlyList<SimAuditRecord> MailboxAudit)
{
    public static SimActivity Empty { get; } = new([], [], []);
}
