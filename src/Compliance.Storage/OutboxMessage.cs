namespace Compliance.Storage;

/// <summary>
/// An alert mail in the outbox. <see cref="Payload"/> is what sendMail is given: for <see cref="OutboxPayloadFormat.Mime"/>
/// the complete RFC 5322 message (its Message-ID fixed when recorded, so every attempt sends the same message); for
/// <see cref="OutboxPayloadFormat.Json"/> (messages recorded before migration 0006) the JSON request body.
/// </summary>
public sealed record OutboxMessage(
    string Id,
    string Tenant,
    string? RunId,
    string Kind,
    string Sender,
    string Subject,
    string Payload,
    string PayloadFormat,
    string CreatedAt,
    string Status,
    long Attempts,
    string NextAttemptAt,
    string? LastError,
    string? SentAt);
