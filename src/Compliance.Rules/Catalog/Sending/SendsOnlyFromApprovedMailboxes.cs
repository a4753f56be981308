using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Sending;

/// <summary>SEND-001: mailbox audit shows each app sending only from mailboxes the register approves for it.</summary>
public sealed class SendsOnlyFromApprovedMailboxes : IRule
{
    private static readonly HashSet<string> SendOperations = new(StringComparer.OrdinalIgnoreCase) { "Send", "SendAs", "SendOnBehalf" };

    public RuleMetadata Metadata { get; } = new(
        Id: "SEND-001",
        Title: "Sends only from approved mailboxes",
        DefaultSeverity: Severity.Critical,
        Rationale: "Granted scope says what an app could do; the audit log says what it did. An app that actually sent as a mailbox " +
                   "not approved for it has used its over-broad permission — the incident the runbook exists to prevent.",
        Remediation: "Treat as an incident: find the messages (message trace, Get-MessageTraceV2 -SenderAddress <mailbox>), rotate the app's " +
                     "credentials, remove the Entra grant / narrow the RBAC scope so the mailbox is out of reach.",
        References: [References.Runbook("step 6 — monitor with mailbox audit"), new RuleReference(
            "Microsoft Learn: Search the audit log", "https://learn.microsoft.com/purview/audit-search")],
        EvidenceSources: [EvidenceSources.MailboxAudit, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var sends = evidence.MailboxAudit
            .Where(a => a.AppId is not null && SendOperations.Contains(a.Operation))
            .GroupBy(a => a.AppId!, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var findings = new List<Finding>();
        foreach (var app in sends)
        {
            var integration = evidence.IntegrationFor(app.Key);
            var unapproved = app.Where(a => !ScopeFacts.IsApproved(integration, a.MailboxAddress)).ToList();
            if (unapproved.Count == 0)
            {
                continue;
            }

            var name = evidence.ServicePrincipalByAppId(app.Key)?.DisplayName ?? app.Key;
            var mailboxes = unapproved.Select(a => a.MailboxAddress).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", app.Key, name, integration?.Name,
                $"{name} sent {unapproved.Count} message(s) from mailbox(es) not approved for it: {ScopeFacts.List(mailboxes)}" +
                (integration is null ? " (the app is not in the register at all)." : "."),
                Metadata.Remediation,
                unapproved.Take(10).Select(a => $"audit {a.Id}: {a.Operation} from {a.MailboxAddress} at {a.CreatedDateTime:O}").ToList()));
        }

        return RuleEvaluation.Of(sends.Count, findings);
    }
}
