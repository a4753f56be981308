using Compliance.Reports.Facts;
using Compliance.Rules.Evidence;

namespace Compliance.Reports.Tests;

/// <summary>The completeness tables name a source's gap next to the source: not only why it failed, but where its logs begin.</summary>
public class SourceRemarkTests
{
    private static readonly DateTimeOffset PeriodStart = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Logs_beginning_after_the_period_start_are_named_with_how_that_was_found()
    {
        var signIns = new SourceResult(EvidenceSources.SignIns, SourceState.Collected, null, 944, 41, 800)
        {
            CoverageStart = new DateTimeOffset(2026, 11, 3, 3, 46, 0, TimeSpan.Zero),
            CoverageNote = "the workspace's earliest row",
        };

        Assert.Equal(
            "covers only since 2026-11-03 03:46 UTC, not the whole period from 2026-11-01 (the workspace's earliest row)",
            SourceNotice.Remark(Snapshot(signIns), signIns));
    }

    [Fact]
    public void Logs_covering_the_period_add_nothing_and_a_failure_keeps_its_reason()
    {
        var covered = new SourceResult(EvidenceSources.SignIns, SourceState.Collected, null, 944, 41, 800) { CoverageStart = PeriodStart.AddHours(20) };
        var failed = SourceResult.NotCollected(EvidenceSources.MessageTrace, "403 Authorization_RequestDenied", 1, 120);

        Assert.Equal("", SourceNotice.Remark(Snapshot(covered), covered));
        Assert.Equal("403 Authorization_RequestDenied", SourceNotice.Remark(Snapshot(failed), failed));
    }

    [Theory]
    [InlineData("source", null, "all (tenant-wide)")]
    [InlineData("tenant", null, "all (tenant-wide)")]
    [InlineData("servicePrincipal", null, "not in register")]
    [InlineData("mailbox", "Payroll", "Payroll")]
    public void A_finding_without_an_integration_says_whether_it_is_tenant_wide_or_unregistered(string resourceType, string? integration, string label) =>
        Assert.Equal(label, FindingIntegration.Label(resourceType, integration));

    private static EvidenceSnapshot Snapshot(SourceResult source) =>
        new("contoso", PeriodStart.AddDays(28), [source], [], [], [], [], []) { PeriodStart = PeriodStart };
}
