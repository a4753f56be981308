using Compliance.Rules.Catalog;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Tests.Engine;

public class EvaluatorTests
{
    private static EvaluationResult Evaluate(CleanTenant tenant, FindingHistory? history = null) =>
        new Evaluator(RuleCatalog.All).Evaluate(tenant.Snapshot(), new CompliancePolicy(), history ?? FindingHistory.None);

    [Fact]
    public void Clean_legacy_tenant_passes_every_control_but_the_migration_notice()
    {
        var result = Evaluate(new CleanTenant());
        Assert.All(result.Controls.Where(c => c.Rule.Id != "SCOPE-004"), c => Assert.Equal(ControlOutcome.Pass, c.Outcome));
        Assert.Equal("SCOPE-004", Assert.Single(result.Findings).Finding.RuleId);
    }

    [Fact]
    public void Control_whose_evidence_was_not_collected_is_not_evaluated_with_the_reason_never_passed()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Clear(); // would be a SCOPE-002 failure, but nobody may conclude anything without the source
        tenant.MarkNotCollected(EvidenceSources.AccessPolicies, "403 Forbidden: Exchange.ManageAsApp not granted");
        var result = Evaluate(tenant);
        var scope = Assert.Single(result.Controls, c => c.Rule.Id == "SCOPE-002");
        Assert.Equal(ControlOutcome.NotEvaluated, scope.Outcome);
        Assert.Contains("Exchange.ManageAsApp not granted", scope.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Finding.RuleId == "SCOPE-002");
        Assert.Equal(ControlOutcome.Pass, Assert.Single(result.Controls, c => c.Rule.Id == "PERM-001").Outcome);
    }

    [Fact]
    public void Partly_collected_source_also_prevents_evaluation()
    {
        var tenant = new CleanTenant();
        tenant.Sources.RemoveAll(s => s.Name == EvidenceSources.Applications);
        tenant.Sources.Add(new SourceResult(EvidenceSources.Applications, SourceState.Partial, "page 3 failed", 100, 3, 10));
        var cred = Assert.Single(Evaluate(tenant).Controls, c => c.Rule.Id == "CRED-002");
        Assert.Equal(ControlOutcome.NotEvaluated, cred.Outcome);
    }

    [Fact]
    public void Lifecycle_new_persisting_reopened_resolved()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Clear();
        tenant.Grant(CleanTenant.SpObjectId, "User.Read.All");
        var first = Evaluate(tenant);
        Assert.All(first.Findings, f => Assert.Equal(FindingStatus.New, f.Status));

        var scopeFp = first.Findings.Single(f => f.Finding.RuleId == "SCOPE-002").Finding.Fingerprint;
        var permFp = first.Findings.Single(f => f.Finding.RuleId == "PERM-001").Finding.Fingerprint;
        var goneFp = FindingFingerprint.Of("CRED-002", CleanTenant.AppId, "old-key");
        var history = new FindingHistory(new HashSet<string> { scopeFp, goneFp }, new HashSet<string> { scopeFp, goneFp, permFp });
        var second = Evaluate(tenant, history);

        Assert.Equal(FindingStatus.Persisting, second.Findings.Single(f => f.Finding.RuleId == "SCOPE-002").Status);
        Assert.Equal(FindingStatus.Reopened, second.Findings.Single(f => f.Finding.RuleId == "PERM-001").Status);
        Assert.Equal([goneFp], second.ResolvedFingerprints);
    }

    [Fact]
    public void Fingerprint_is_stable_and_case_insensitive_on_the_resource()
    {
        Assert.Equal(FindingFingerprint.Of("SCOPE-002", "ABC", null), FindingFingerprint.Of("SCOPE-002", "abc", null));
        Assert.NotEqual(FindingFingerprint.Of("SCOPE-002", "abc", null), FindingFingerprint.Of("PERM-001", "abc", null));
        Assert.NotEqual(FindingFingerprint.Of("CRED-002", "abc", "k1"), FindingFingerprint.Of("CRED-002", "abc", "k2"));
    }

    [Fact]
    public void Findings_are_ordered_most_severe_first()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Clear();
        tenant.Grant(CleanTenant.SpObjectId, "User.Read.All");
        var severities = Evaluate(tenant).Findings.Select(f => f.Finding.Severity).ToList();
        Assert.Equal(severities.OrderByDescending(s => s), severities);
    }

    private static Waiver WaiverFor(string ruleId, DateTimeOffset until, DateTimeOffset? revoked = null) =>
        new("w-1", ruleId, CleanTenant.AppId, null, "vendor migrating in Q1", "ciso@contoso.example", "RISK-7", CleanTenant.AsOf.AddDays(-30), until, revoked);

    [Fact]
    public void Active_waiver_makes_the_finding_and_the_control_waived()
    {
        var tenant = new CleanTenant();
        var result = new Evaluator(RuleCatalog.All).Evaluate(tenant.Snapshot(), new CompliancePolicy(), FindingHistory.None,
            [WaiverFor("SCOPE-004", CleanTenant.AsOf.AddDays(10))]);
        Assert.Equal(FindingStatus.Waived, Assert.Single(result.Findings).Status);
        Assert.Equal(ControlOutcome.Waived, Assert.Single(result.Controls, c => c.Rule.Id == "SCOPE-004").Outcome);
    }

    [Fact]
    public void Expired_waiver_reopens_the_finding_and_fails_the_control()
    {
        var tenant = new CleanTenant();
        var result = new Evaluator(RuleCatalog.All).Evaluate(tenant.Snapshot(), new CompliancePolicy(), FindingHistory.None,
            [WaiverFor("SCOPE-004", CleanTenant.AsOf)]);
        Assert.Equal(FindingStatus.Reopened, Assert.Single(result.Findings).Status);
        Assert.Equal(ControlOutcome.Fail, Assert.Single(result.Controls, c => c.Rule.Id == "SCOPE-004").Outcome);
    }

    [Fact]
    public void Revoked_waiver_or_one_for_another_resource_has_no_effect()
    {
        var tenant = new CleanTenant();
        var result = new Evaluator(RuleCatalog.All).Evaluate(tenant.Snapshot(), new CompliancePolicy(), FindingHistory.None,
            [WaiverFor("SCOPE-004", CleanTenant.AsOf.AddDays(10), CleanTenant.AsOf.AddDays(-1)),
             WaiverFor("SCOPE-004", CleanTenant.AsOf.AddDays(10)) with { ResourceId = "someone-else" }]);
        Assert.Equal(FindingStatus.New, Assert.Single(result.Findings).Status);
    }

    [Fact]
    public void Waiver_by_fingerprint_covers_only_that_finding()
    {
        var tenant = new CleanTenant();
        var fingerprint = FindingFingerprint.Of("SCOPE-004", CleanTenant.AppId, null);
        var result = new Evaluator(RuleCatalog.All).Evaluate(tenant.Snapshot(), new CompliancePolicy(), FindingHistory.None,
            [WaiverFor("SCOPE-004", CleanTenant.AsOf.AddDays(10)) with { ResourceId = "ignored", Fingerprint = fingerprint }]);
        Assert.Equal(FindingStatus.Waived, Assert.Single(result.Findings).Status);
    }
}
