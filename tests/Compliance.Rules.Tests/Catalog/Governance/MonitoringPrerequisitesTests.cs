using Compliance.Rules.Catalog.Governance;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.Rules.Catalog;

namespace Compliance.Rules.Tests.Catalog.Governance;

public class MonitoringPrerequisitesTests
{
    private readonly MonitoringPrerequisites rule = new();

    [Fact]
    public void All_monitoring_sources_available_passes()
    {
        Assert.Empty(new CleanTenant().Run(rule).Findings);
    }

    [Fact]
    public void Message_trace_prerequisite_missing_is_reported_with_the_fix_and_the_control_still_runs()
    {
        var tenant = new CleanTenant();
        tenant.MarkNotCollected(EvidenceSources.MessageTrace, "401: service principal for 8bd644d1-64a1-4d4b-ae52-2e0cbf64e373 not provisioned");
        var result = new Evaluator(RuleCatalog.All).Evaluate(tenant.Snapshot(), new CompliancePolicy(), FindingHistory.None);
        Assert.Equal(ControlOutcome.Fail, result.Controls.Single(c => c.Rule.Id == "GOV-004").Outcome);
        var finding = result.Findings.Single(f => f.Finding.RuleId == "GOV-004").Finding;
        Assert.Contains("not provisioned", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("New-MgServicePrincipal -AppId 8bd644d1", finding.Remediation, StringComparison.Ordinal);
        Assert.Equal(ControlOutcome.NotEvaluated, result.Controls.Single(c => c.Rule.Id == "SEND-002").Outcome);
    }

    [Fact]
    public void Sign_in_logs_shorter_than_the_period_are_reported()
    {
        var tenant = new CleanTenant();
        tenant.Sources.RemoveAll(s => s.Name == EvidenceSources.SignIns);
        tenant.Sources.Add(new SourceResult(EvidenceSources.SignIns, SourceState.Collected, null, 5, 1, 1) { CoverageStart = CleanTenant.AsOf.AddDays(-7) });
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("retention too short", finding.Detail, StringComparison.Ordinal);
        // The source answered: the fix is retention, not the permission or licence an unavailable source would need.
        Assert.Contains("-TableName AADServicePrincipalSignInLogs -RetentionInDays 90", finding.Remediation, StringComparison.Ordinal);
        Assert.DoesNotContain("AuditLog.Read.All", finding.Remediation, StringComparison.Ordinal);
    }

    [Fact]
    public void Measured_coverage_says_where_the_workspace_rows_begin()
    {
        var tenant = new CleanTenant();
        tenant.Sources.RemoveAll(s => s.Name == EvidenceSources.SignIns);
        tenant.Sources.Add(new SourceResult(EvidenceSources.SignIns, SourceState.Collected, null, 5, 2, 1)
        {
            CoverageStart = tenant.PeriodStart.AddDays(2),
            CoverageNote = "the workspace's earliest AADServicePrincipalSignInLogs row in the review window is from 2026-11-03",
        });
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Equal(EvidenceSources.SignIns, finding.ResourceId);
        Assert.Contains("retention too short", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("earliest AADServicePrincipalSignInLogs row in the review window is from 2026-11-03", finding.Detail, StringComparison.Ordinal);
    }
}
