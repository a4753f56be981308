using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

/// <summary>exchangeMessageTrace (Graph v1.0, m365-apis.md §2.1 [S11]).</summary>
internal sealed class MessageTraceWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("senderAddress")]
    public string? SenderAddress { get; set; }

    [JsonPropertyName("recipientAddress")]
    public string? RecipientAddress { get; set; }

    [JsonPropertyName("receivedDateTime")]
    public DateTimeOffset ReceivedDateTime { get; set; }

    [JsonPropertyName("subject")]
    public string? Subject { get; set; }

    [JsonPropertyName("size")]
    public long? Size { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }
}
