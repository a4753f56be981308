using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Mailboxes;

/// <summary>MBX-003: mailbox auditing is on organisation-wide and for every in-scope mailbox.</summary>
public sealed class MailboxAuditingOn : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "MBX-003",
        Title: "Mailbox auditing on",
        DefaultSeverity: Severity.Medium,
        Rationale: "The runbook's monitoring relies on mailbox audit to show which app sent from which mailbox. With auditing off, " +
                   "organisation-wide or on the mailbox, SEND-001 has nothing to read and misuse leaves no trace.",
        Remediation: "Set-OrganizationConfig -AuditDisabled $false; Set-Mailbox -Identity <mailbox> -AuditEnabled $true",
        References: [new RuleReference("Microsoft Learn: Manage mailbox auditing", "https://learn.microsoft.com/purview/audit-mailboxes")],
        EvidenceSources: ScopeFacts.With(EvidenceSources.Register, EvidenceSources.OrganizationConfig));

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var inScope = ScopeFacts.InScopeMailboxes(evidence, derived);
        var findings = new List<Finding>();
        if (evidence.OrganizationConfig is { AuditDisabled: true })
        {
            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "organization", evidence.Tenant, evidence.Tenant, null,
                "Mailbox auditing is disabled for the whole organisation (Get-OrganizationConfig AuditDisabled = True).",
                "Set-OrganizationConfig -AuditDisabled $false", ["OrganizationConfig.AuditDisabled = True"]));
        }

        var undetermined = inScope.Where(m => m.Mailbox.AuditEnabled is null)
            .Select(m => $"{m.Mailbox.PrimarySmtpAddress}: AuditEnabled not collected").ToList();
        findings.AddRange(inScope
            .Where(m => m.Mailbox.AuditEnabled == false)
            .Select(m => new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "mailbox", m.Mailbox.PrimarySmtpAddress, m.Mailbox.DisplayName ?? m.Mailbox.PrimarySmtpAddress,
                SharedMailboxSignInBlocked.IntegrationOf(evidence, m.Mailbox.PrimarySmtpAddress),
                $"Auditing is off for {m.Mailbox.PrimarySmtpAddress} ({m.Why}).",
                $"Set-Mailbox -Identity {m.Mailbox.PrimarySmtpAddress} -AuditEnabled $true",
                [$"mailbox {m.Mailbox.PrimarySmtpAddress}: AuditEnabled = False"])));
        return RuleEvaluation.Of(inScope.Count + 1, findings, undetermined);
    }
}
