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
        // One pass over the audit log, which may be read from the store as it goes: per app, only what a finding shows.
        var apps = new Dictionary<string, AppSends>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in evidence.MailboxAudit.Where(a => a.AppId is not null && SendOperations.Contains(a.Operation)))
        {
            if (!apps.TryGetValue(a.AppId!, out var app))
            {
                apps[a.AppId!] = app = new AppSends(a.AppId!, evidence.IntegrationFor(a.AppId!));
            }

            app.Add(a);
        }

        var findings = new List<Finding>();
        foreach (var app in apps.Values.Where(a => a.Unapproved > 0).OrderBy(a => a.AppId, StringComparer.OrdinalIgnoreCase))
        {
            var name = evidence.ServicePrincipalByAppId(app.AppId)?.DisplayName ?? app.AppId;
            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", app.AppId, name, app.Integration?.Name,
                $"{name} sent {app.Unapproved} message(s) from mailbox(es) not approved for it: {ScopeFacts.List(app.Mailboxes)}" +
                (app.Integration is null ? " (the app is not in the register at all)." : "."),
                Metadata.Remediation,
                app.Examples));
        }

        return RuleEvaluation.Of(apps.Count, findings);
    }

    /// <summary>One app's sends from mailboxes not approved for it: the count, the mailboxes, the first ten records.</summary>
    private sealed class AppSends(string appId, Integration? integration)
    {
        public string AppId { get; } = appId;

        public Integration? Integration { get; } = integration;

        public int Unapproved { get; private set; }

        public SortedSet<string> Mailboxes { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Examples { get; } = [];

        public void Add(MailboxAuditRecord send)
        {
            if (ScopeFacts.IsApproved(Integration, send.MailboxAddress))
            {
                return;
            }

            Unapproved++;
            Mailboxes.Add(send.MailboxAddress);
            if (Examples.Count < 10)
            {
                Examples.Add($"audit {send.Id}: {send.Operation} from {send.MailboxAddress} at {send.CreatedDateTime:O}");
            }
        }
    }
}
