using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Governance;

/// <summary>GOV-004: the monitoring sources the runbook requires are available and reach back over the review period.</summary>
public sealed class MonitoringPrerequisites : IRule
{
    private static readonly (string Source, string What, string Fix)[] Required =
    [
        (EvidenceSources.SignIns, "service-principal sign-in logs",
            "grant AuditLog.Read.All (Entra ID P1/P2 needed), or configure a Log Analytics workspace receiving AADServicePrincipalSignInLogs"),
        (EvidenceSources.MessageTrace, "message trace",
            "grant ExchangeMessageTrace.Read.All and provision the Transport Data Platform SP: New-MgServicePrincipal -AppId 8bd644d1-64a1-4d4b-ae52-2e0cbf64e373"),
        (EvidenceSources.MailboxAudit, "mailbox audit search",
            "grant AuditLogsQuery-Exchange.Read.All and make sure unified audit logging is on (Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true)"),
    ];

    public RuleMetadata Metadata { get; } = new(
        Id: "GOV-004",
        Title: "Monitoring prerequisites",
        DefaultSeverity: Severity.Low,
        Rationale: "The runbook monitors integrations through sign-in logs, message trace and mailbox audit. When one is unavailable, the " +
                   "controls built on it cannot run and misuse would go unseen; that gap is itself a finding.",
        Remediation: "Restore the source: see each finding for the permission, licence or prerequisite it lacks; `compliance doctor` checks them.",
        References: [References.Runbook("step 6 — monitoring")],
        EvidenceSources: []) { JudgesSourceStatus = true };

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var findings = new List<Finding>();
        var periodStart = evidence.PeriodStart ?? evidence.WindowStart;
        foreach (var (source, what, fix) in Required)
        {
            var result = evidence.Source(source);
            var shortRetention = result is { State: SourceState.Collected, CoverageStart: { } begins } && periodStart is { } from && begins > from.AddDays(1);
            string? problem = result switch
            {
                null => $"{what} were not collected in this run",
                { State: SourceState.NotCollected } => $"{what}: not collected — {result.Reason}",
                { State: SourceState.Partial } => $"{what}: only partly collected — {result.Reason}",
                _ when result.CoverageStart is { } coverage && periodStart is { } start && coverage > start.AddDays(1) =>
                    $"{what} cover only since {coverage:yyyy-MM-dd}, not the whole review period from {start:yyyy-MM-dd} (retention too short)"
                    + (result.CoverageNote is { } note ? $" — {note}" : ""),
                _ => null,
            };
            if (problem is not null)
            {
                findings.Add(new Finding(
                    Metadata.Id, Metadata.DefaultSeverity, "source", source, what, null, problem + ".", shortRetention ? RetentionFix(source, what) : fix, [problem]));
            }
        }

        return RuleEvaluation.Of(Required.Length, findings);
    }

    /// <summary>
    /// The source answers but its logs begin too late: the fix is retention, not a permission. Log Analytics keeps a
    /// table for the workspace's retention unless the table sets its own (Update-AzOperationalInsightsTable,
    /// learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure); Graph keeps sign-ins 30 days on P1/P2
    /// (m365-apis.md §1.2).
    /// </summary>
    private static string RetentionFix(string source, string what) => source == EvidenceSources.SignIns
        ? "Keep the sign-in logs for the whole review period and the 90-day look-back: stream AADServicePrincipalSignInLogs to the Log Analytics "
          + "workspace with a diagnostic setting and keep them at least 90 days (Update-AzOperationalInsightsTable -ResourceGroupName <rg> "
          + "-WorkspaceName <workspace> -TableName AADServicePrincipalSignInLogs -RetentionInDays 90); Graph alone keeps 30 days."
        : $"Keep the {what} for the whole review period (retention at least as long as the period and its look-back).";
}
