using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Mailboxes;

/// <summary>MBX-001: no mail-capable app can send as, or did send from, a mailbox that is not a shared mailbox.</summary>
public sealed class NoPersonalMailboxes : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "MBX-001",
        Title: "No personal mailboxes",
        DefaultSeverity: Severity.High,
        Rationale: "Integrations send from dedicated shared mailboxes, never from a person's mailbox: mail sent as a person can be used to " +
                   "impersonate them, and a person's mailbox holds their private mail that the app's scope then covers.",
        Remediation: "Remove the person's mailbox from the scope (Set-ManagementScope / the access-policy group) and send from a shared mailbox " +
                     "(New-Mailbox -Shared -Name <name> -PrimarySmtpAddress <address>) added to the register.",
        References: [References.Runbook("step 4 — shared mailboxes only"), References.ApplicationRbac],
        EvidenceSources: ScopeFacts.Sources);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var byAddress = evidence.Mailboxes.GroupBy(m => m.PrimarySmtpAddress, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var auditCollected = evidence.Source(EvidenceSources.MailboxAudit)?.State == SourceState.Collected;
        var findings = new List<Finding>();
        foreach (var scope in derived.Scopes)
        {
            var personal = scope.Mailboxes
                .Where(m => byAddress.TryGetValue(m.MailboxAddress, out var mailbox) && !mailbox.IsShared)
                .Select(m => m.MailboxAddress)
                .ToList();
            var sentFrom = auditCollected
                ? evidence.MailboxAudit.OwnedBy(scope.AppId)
                    .Where(a => byAddress.TryGetValue(a.MailboxAddress, out var mailbox) && !mailbox.IsShared)
                    .Select(a => a.MailboxAddress).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                : [];
            if (personal.Count + sentFrom.Count == 0)
            {
                continue;
            }

            var parts = new List<string>();
            if (personal.Count > 0)
            {
                parts.Add($"can send as {personal.Count} personal mailbox(es): {ScopeFacts.List(personal)}");
            }

            if (sentFrom.Count > 0)
            {
                parts.Add($"sent from {ScopeFacts.List(sentFrom)} (mailbox audit)");
            }

            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", scope.AppId, scope.AppDisplayName, evidence.IntegrationFor(scope.AppId)?.Name,
                $"{scope.AppDisplayName} {string.Join("; ", parts)}.",
                Metadata.Remediation,
                [.. personal.Take(20).Select(p => $"{p}: {byAddress[p].RecipientTypeDetails ?? byAddress[p].UserPurpose}"), .. sentFrom.Select(s => $"audit: sent from {s}")]));
        }

        return RuleEvaluation.Of(derived.Scopes.Count, findings);
    }
}
