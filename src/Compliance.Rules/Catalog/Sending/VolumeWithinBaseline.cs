using System.Globalization;
using Compliance.Rules.Catalog.SignIns;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Sending;

/// <summary>SEND-003: no day in the period has more mail from an approved sender than Policy:VolumeSpikeFactor × its trailing median.</summary>
public sealed class VolumeWithinBaseline : IRule
{
    /// <summary>The baseline is the median of the preceding 28 days (four full weeks, so weekdays weigh evenly).</summary>
    private const int TrailingDays = 28;

    /// <summary>Fewer days of history than this make no baseline; the day is not judged.</summary>
    private const int MinimumHistoryDays = 7;

    public RuleMetadata Metadata { get; } = new(
        Id: "SEND-003",
        Title: "Volume within baseline",
        DefaultSeverity: Severity.Medium,
        Rationale: "A sudden multiple of an integration's usual daily volume is how a compromised mailer shows up (spam or phishing " +
                   "sent from a trusted address) — and sometimes a vendor bug mailing everyone twice.",
        Remediation: "Look at the spike day's messages (subjects, recipients); if unexpected, disable the app's credentials " +
                     "(Update-MgServicePrincipal -AccountEnabled:$false) and investigate with the vendor.",
        References: [References.Runbook("step 6 — monitor with message trace")],
        EvidenceSources: [EvidenceSources.MessageTrace, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var start = SignInWindow.PeriodStart(evidence).UtcDateTime.Date;
        var end = evidence.AsOf.UtcDateTime.Date;
        var population = 0;
        var findings = new List<Finding>();
        foreach (var (integration, sender, messages) in SenderMessages.ByApprovedSender(evidence))
        {
            var perDay = new Dictionary<DateTime, int>();
            foreach (var m in messages)
            {
                var day = m.ReceivedDateTime.UtcDateTime.Date;
                perDay[day] = perDay.GetValueOrDefault(day) + 1;
            }

            if (perDay.Count == 0)
            {
                continue;
            }

            population++;
            var firstDay = perDay.Keys.Min();
            var spikes = new List<string>();
            for (var day = start; day <= end; day = day.AddDays(1))
            {
                // Days before the sender's first message are unknown, not zero: they are left out of the baseline.
                var history = Enumerable.Range(1, TrailingDays).Select(d => day.AddDays(-d))
                    .Where(d => d >= firstDay).Select(d => perDay.GetValueOrDefault(d)).ToList();
                if (history.Count < MinimumHistoryDays || !perDay.TryGetValue(day, out var count))
                {
                    continue;
                }

                var median = Median(history);
                if (median > 0 && count > policy.VolumeSpikeFactor * median)
                {
                    spikes.Add($"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {count} (median {median.ToString("0.#", CultureInfo.InvariantCulture)})");
                }
            }

            if (spikes.Count > 0)
            {
                findings.Add(new Finding(
                    Metadata.Id, Metadata.DefaultSeverity, "mailbox", sender, sender, integration.Name,
                    $"{sender} sent more than {policy.VolumeSpikeFactor.ToString(CultureInfo.InvariantCulture)}× its {TrailingDays}-day median on {spikes.Count} day(s): {string.Join("; ", spikes)}.",
                    Metadata.Remediation, spikes));
            }
        }

        return RuleEvaluation.Of(population, findings);
    }

    private static double Median(List<int> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
