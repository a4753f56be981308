namespace Compliance.Rules.Evidence;

/// <summary>
/// One message trace row (Graph v1.0 admin/exchange/tracing/messageTraces). Status is Graph's enum string:
/// delivered, failed, pending, expanded, quarantined, filteredAsSpam, gettingStatus, recalled (m365-apis.md §2.1).
/// </summary>
public sealed record MessageTraceRecord(
    string Id,
    DateTimeOffset ReceivedDateTime,
    string SenderAddress,
    string RecipientAddress,
    string Status,
    string? Subject,
    long? Size) : IActivityRecord
{
    DateTimeOffset IActivityRecord.OccurredAt => ReceivedDateTime;

    string? IActivityRecord.Owner => SenderAddress;
}
