namespace Compliance.TenantSimulator.Model;

/// <summary>
/// Activity logs, each newest first (the order Graph returns sign-ins in, m365-apis.md §1.1). Sequences, not lists:
/// a generated tenant produces its million rows on each enumeration instead of holding them (issue 3: flat memory).
/// </summary>
public sealed record SimActivity(IEnumerable<SimSignIn> SignIns, IEnumerable<SimMessage> Messages, IEnumerable<SimAuditRecord> MailboxAudit)
{
    public static SimActivity Empty { get; } = new([], [], []);

    /// <summary>Where the Log Analytics workspace's sign-in rows begin; older sign-ins exist (Graph's sign-in activity report
    /// remembers them) but the workspace does not serve them. Null = it serves every sign-in.</summary>
    public DateTimeOffset? LogAnalyticsDataSince { get; init; }
}
