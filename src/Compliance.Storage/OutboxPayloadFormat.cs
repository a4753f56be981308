namespace Compliance.Storage;

/// <summary>The values of alert_outbox.payload_format.</summary>
public static class OutboxPayloadFormat
{
    public const string Json = "json";
    public const string Mime = "mime";
}
