using System.Globalization;
using Compliance.Rules.Catalog.SignIns;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Sending;

/// <summary>SEND-002: the share of an approved sender's mail in the period that failed, was filtered as spam or quarantined stays at or below Policy:DeliveryFailureRate.</summary>
public sealed class MailIsDelivered : IRule
{
    private static readonly HashSet<string> NotDelivered = new(StringComparer.OrdinalIgnoreCase) { "failed", "filteredAsSpam", "quarantined" };

    public RuleMetadata Metadata { get; } = new(
        Id: "SEND-002",
        Title: "Mail is delivered",
        DefaultSeverity: Severity.Medium,
        Rationale: "Payslips and invoices that fail or land in quarantine are a business failure and often a sign of a broken sender setup " +
                   "(SPF/DKIM, a blocked mailbox) or of the app being used to send what it should not.",
        Remediation: "Inspect the failures (Graph messageTraces/{id}/getDetailsByRecipient or Get-MessageTraceDetailV2) and fix the cause; " +
                     "release false positives from quarantine.",
        References: [References.Runbook("step 6 — monitor with message trace")],
        EvidenceSources: [EvidenceSources.MessageTrace, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var start = SignInWindow.PeriodStart(evidence);
        var population = 0;
        var findings = new List<Finding>();
        foreach (var (integration, sender, messages) in SenderMessages.ByApprovedSender(evidence))
        {
            // One pass, keeping counts and the first ten failures only: a busy sender has hundreds of thousands of messages.
            var (total, bad, byStatus, examples) = (0, 0, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase), new List<string>());
            foreach (var m in messages.Where(m => m.ReceivedDateTime >= start && m.ReceivedDateTime <= evidence.AsOf))
            {
                total++;
                if (!NotDelivered.Contains(m.Status))
                {
                    continue;
                }

                bad++;
                byStatus[m.Status] = byStatus.GetValueOrDefault(m.Status) + 1;
                if (examples.Count < 10)
                {
                    examples.Add($"message {m.Id} to {m.RecipientAddress}: {m.Status}");
                }
            }

            if (total == 0)
            {
                continue;
            }

            population++;
            var rate = (double)bad / total;
            if (rate <= policy.DeliveryFailureRate)
            {
                continue;
            }

            // Most frequent status first; equal counts keep the order the statuses first appeared in.
            var statuses = byStatus.OrderByDescending(s => s.Value).Select(s => $"{s.Value} {s.Key}");
            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "mailbox", sender, sender, integration.Name,
                $"{bad} of {total} messages from {sender} since {start:yyyy-MM-dd} were not delivered " +
                $"({rate.ToString("P1", CultureInfo.InvariantCulture)}, policy {policy.DeliveryFailureRate.ToString("P1", CultureInfo.InvariantCulture)}): {string.Join(", ", statuses)}.",
                Metadata.Remediation,
                examples));
        }

        return RuleEvaluation.Of(population, findings);
    }
}
