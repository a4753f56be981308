using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Mailboxes;

/// <summary>MBX-004: every approved sender mailbox sent something within Policy:UnusedMailboxDays (message trace).</summary>
public sealed class NoUnusedSharedMailboxes : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "MBX-004",
        Title: "No unused shared mailboxes",
        DefaultSeverity: Severity.Low,
        Rationale: "An approved sender that sends nothing keeps a scope, a group membership and an account alive for no purpose. " +
                   "The runbook removes unused mailboxes and their approvals.",
        Remediation: "Confirm with the integration owner, then remove the mailbox from the register and the scope (and the mailbox itself).",
        References: [References.Runbook("step 8 — remove unused apps and mailboxes")],
        EvidenceSources: [EvidenceSources.MessageTrace, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var since = evidence.AsOf.AddDays(-policy.UnusedMailboxDays);
        if (evidence.CoverageStart(EvidenceSources.MessageTrace) is not { } coverage || coverage > since.AddDays(1))
        {
            return RuleEvaluation.NotEvaluated(
                $"message trace covers only since {evidence.CoverageStart(EvidenceSources.MessageTrace):yyyy-MM-dd}; Policy:UnusedMailboxDays needs {policy.UnusedMailboxDays} days");
        }

        var senders = evidence.Integrations
            .SelectMany(i => i.ApprovedSenders.Select(s => (Integration: i, Sender: s)))
            .DistinctBy(x => x.Sender, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var lastSent = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, sender) in senders)
        {
            foreach (var m in evidence.MessageTrace.OwnedBy(sender))
            {
                if (!lastSent.TryGetValue(sender, out var last) || m.ReceivedDateTime > last)
                {
                    lastSent[sender] = m.ReceivedDateTime;
                }
            }
        }

        var findings = senders
            .Where(x => !lastSent.TryGetValue(x.Sender, out var last) || last < since)
            .Select(x => new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "mailbox", x.Sender, x.Sender, x.Integration.Name,
                lastSent.TryGetValue(x.Sender, out var last)
                    ? $"{x.Sender} last sent on {last:yyyy-MM-dd}, more than {policy.UnusedMailboxDays} days ago."
                    : $"{x.Sender} sent nothing in the {policy.UnusedMailboxDays} days of message trace.",
                Metadata.Remediation,
                [$"message trace since {since:yyyy-MM-dd}: no message from {x.Sender}"]));
        return RuleEvaluation.Of(senders.Count, findings);
    }
}
