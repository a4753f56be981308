namespace Compliance.TenantSimulator.Model;

/// <summary>One exchangeMessageTrace row.</summary>
public sealed record SimMessage(
    string Id,
    DateTimeOffset ReceivedDateTime,
    string SenderAddress,
    string RecipientAddress,
    string MessageId,
    string Subject,
    long Size,
    string Status);
