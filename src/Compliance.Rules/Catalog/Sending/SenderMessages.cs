using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Sending;

/// <summary>
/// Message trace by approved sender, for the delivery and volume controls. Each sender's messages are read as they are
/// enumerated (possibly from the store), so callers fold them in one pass rather than keep them.
/// </summary>
internal static class SenderMessages
{
    public static IEnumerable<(Integration Integration, string Sender, IEnumerable<MessageTraceRecord> Messages)> ByApprovedSender(EvidenceSnapshot evidence)
    {
        foreach (var (integration, sender) in evidence.Integrations
                     .SelectMany(i => i.ApprovedSenders.Select(s => (i, s)))
                     .DistinctBy(x => x.s, StringComparer.OrdinalIgnoreCase))
        {
            yield return (integration, sender, evidence.MessageTrace.OwnedBy(sender));
        }
    }
}
