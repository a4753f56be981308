using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Sending;

/// <summary>Message trace grouped by approved sender, for the delivery and volume controls.</summary>
internal static class SenderMessages
{
    public static IEnumerable<(Integration Integration, string Sender, List<MessageTraceRecord> Messages)> ByApprovedSender(EvidenceSnapshot evidence)
    {
        var bySender = evidence.MessageTrace
            .GroupBy(m => m.SenderAddress, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var (integration, sender) in evidence.Integrations
                     .SelectMany(i => i.ApprovedSenders.Select(s => (i, s)))
                     .DistinctBy(x => x.s, StringComparer.OrdinalIgnoreCase))
        {
            yield return (integration, sender, bySender.TryGetValue(sender, out var messages) ? messages : []);
        }
    }
}
