using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Mailboxes;

/// <summary>MBX-002: the user account behind every in-scope shared mailbox has sign-in blocked (CIS M365 1.2.2).</summary>
public sealed class SharedMailboxSignInBlocked : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "MBX-002",
        Title: "Shared mailbox sign-in blocked",
        DefaultSeverity: Severity.Medium,
        Rationale: "Every shared mailbox has a user account with a password. Microsoft and CIS M365 1.2.2 say to block its sign-in; an enabled " +
                   "account is an interactive way into the very mailbox the integration sends from.",
        Remediation: "Update-MgUser -UserId <mailbox> -AccountEnabled:$false",
        References: [new RuleReference("CIS Microsoft 365 Foundations 1.2.2"), new RuleReference(
            "Microsoft Learn: About shared mailboxes (block sign-in)", "https://learn.microsoft.com/microsoft-365/admin/email/about-shared-mailboxes")],
        EvidenceSources: ScopeFacts.With(EvidenceSources.Register));

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var shared = ScopeFacts.InScopeMailboxes(evidence, derived).Where(m => m.Mailbox.IsShared).ToList();
        var undetermined = shared.Where(m => m.Mailbox.AccountEnabled is null)
            .Select(m => $"{m.Mailbox.PrimarySmtpAddress}: account state (accountEnabled) not collected").ToList();
        var findings = shared
            .Where(m => m.Mailbox.AccountEnabled == true)
            .Select(m => new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "mailbox", m.Mailbox.PrimarySmtpAddress, m.Mailbox.DisplayName ?? m.Mailbox.PrimarySmtpAddress,
                IntegrationOf(evidence, m.Mailbox.PrimarySmtpAddress),
                $"The shared mailbox {m.Mailbox.PrimarySmtpAddress} ({m.Why}) has sign-in enabled.",
                $"Update-MgUser -UserId {m.Mailbox.UserId} -AccountEnabled:$false",
                [$"user {m.Mailbox.UserId}: accountEnabled true"]));
        return RuleEvaluation.Of(shared.Count, findings, undetermined);
    }

    internal static string? IntegrationOf(EvidenceSnapshot evidence, string address) =>
        evidence.Integrations.FirstOrDefault(i => ScopeFacts.IsApproved(i, address))?.Name;
}
