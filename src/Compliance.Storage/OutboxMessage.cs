namespace Compliance.Storage;

/// <summary>An alert mail in the outbox. <see cref="PayloadJson"/> is the complete Graph sendMail request body.</summary>
public sealed record OutboxMessage(
    string Id,
    string Tenant,
    string? RunId,
    string Kind,
    string Sender,
    string Subject,
    string PayloadJson,
    string CreatedAt,
    string Status,
    long Attempts,
    string NextAttemptAt,
    string? LastError,
    string? SentAt);
