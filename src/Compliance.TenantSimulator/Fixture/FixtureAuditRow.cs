namespace Compliance.TenantSimulator.Fixture;

/// <summary>A mailbox audit record (Purview auditLogRecord, recordType exchangeItem): the app acting on a mailbox.</summary>
internal sealed class FixtureAuditRow
{
    public string AppId { get; set; } = "";
    public string Mailbox { get; set; } = "";
    /// <summary>Send, SendAs, SendOnBehalf (m365-apis.md §3.3).</summary>
    public string Operation { get; set; } = "Send";
    public string At { get; set; } = "now-1d";
    public string? Subject { get; set; }
}
