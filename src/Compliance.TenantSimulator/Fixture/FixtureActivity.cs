namespace Compliance.TenantSimulator.Fixture;

/// <summary>Activity logs as series: each series expands to rows at load time, dates relative to the anchor.</summary>
internal sealed class FixtureActivity
{
    public List<FixtureSignInSeries> SignIns { get; set; } = [];
    public List<FixtureMessageSeries> Messages { get; set; } = [];
    public List<FixtureAuditRow> MailboxAudit { get; set; } = [];
    public FixtureLogAnalytics? LogAnalytics { get; set; }
}
