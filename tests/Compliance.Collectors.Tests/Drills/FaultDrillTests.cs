using Compliance.Rules.Catalog;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.TenantSimulator.Hosting;

namespace Compliance.Collectors.Tests.Drills;

/// <summary>
/// Drill 1 (issue 8): every simulator fault profile against the demo tenant. A transport fault is retried away and
/// leaves exactly the fault-free evidence; a permanent failure leaves its source not collected, with the reason,
/// and the controls that read it not evaluated — never a pass on missing data.
/// </summary>
public class FaultDrillTests
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, (int Rows, string Sha256)>>> FaultFree =
        new(async () => EvidenceFingerprint.Of((await DrillTenant.CollectAsync(FaultProfile.None)).Evidence));

    [Theory]
    [InlineData(FaultProfile.Transient)]
    [InlineData(FaultProfile.ConnectionReset)]
    [InlineData(FaultProfile.MalformedPage)]
    [InlineData(FaultProfile.TokenExpiry)]
    [InlineData(FaultProfile.Slow)]
    [InlineData(FaultProfile.AuditV1Absent)]
    public async Task Recoverable_fault_profile_completes_with_the_fault_free_evidence(FaultProfile profile)
    {
        var (evidence, _) = await DrillTenant.CollectAsync(profile);

        Assert.All(evidence.Sources, s => Assert.True(s.State == SourceState.Collected, $"{profile}: {s.Name} {s.State}: {s.Reason}"));
        Assert.Equal(await FaultFree.Value, EvidenceFingerprint.Of(evidence));
    }

    [Fact]
    public async Task Permission_missing_leaves_sign_ins_not_collected_with_the_reason_and_their_controls_not_evaluated()
    {
        var (evidence, _) = await DrillTenant.CollectAsync(FaultProfile.PermissionMissing);

        var signIns = evidence.Sources.Single(s => s.Name == EvidenceSources.SignIns);
        Assert.Equal(SourceState.NotCollected, signIns.State);
        Assert.Contains("AuditLog.Read.All", signIns.Reason, StringComparison.Ordinal);
        Assert.Empty(evidence.SignIns);
        var expected = await FaultFree.Value;
        var actual = EvidenceFingerprint.Of(evidence);
        Assert.All(expected.Keys.Where(k => k != EvidenceSources.SignIns), k => Assert.Equal(expected[k], actual[k]));

        var snapshot = new EvidenceSnapshot("demo", RunningTenant.Anchor, evidence.Sources, evidence.Applications, evidence.ServicePrincipals,
            evidence.AppRoleGrants, evidence.AccessPolicies, [])
        {
            SignIns = evidence.SignIns, Mailboxes = evidence.Mailboxes, MessageTrace = evidence.MessageTrace, MailboxAudit = evidence.MailboxAudit,
            WindowStart = RunningTenant.Window.Start,
        };
        var result = new Evaluator(RuleCatalog.All).Evaluate(snapshot, new CompliancePolicy(), FindingHistory.None);
        var readers = result.Controls.Where(c => c.Rule.EvidenceSources.Contains(EvidenceSources.SignIns) && !c.Rule.JudgesSourceStatus).ToList();
        Assert.NotEmpty(readers);
        Assert.All(readers, c =>
        {
            Assert.Equal(ControlOutcome.NotEvaluated, c.Outcome);
            Assert.Contains(EvidenceSources.SignIns, c.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Token_rejected_as_expired_is_replaced_once_and_never_reported_as_a_missing_permission()
    {
        // Regression (found by this drill): a token the tenant expired early stayed in the credential's cache and
        // every source ended "unauthorized — grant <permission>".
        var (evidence, _) = await DrillTenant.CollectAsync(FaultProfile.TokenExpiry);

        Assert.All(evidence.Sources, s => Assert.Null(s.Reason));
        Assert.Equal(248, evidence.Applications.Count);
    }
}
