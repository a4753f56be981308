namespace Compliance.Storage;

/// <summary>An alert mail in the outbox. <see cref="MimeBase64"/> is the complete message as Graph sendMail accepts it.</summary>
public sealed record OutboxMessage(
    string Id,
    string Tenant,
    string? RunId,
    string Kind,
    string Sender,
    string Subject,
    string MimeBase64,
    string CreatedAt,
    string Status,
    long Attempts,
    string NextAttemptAt,
    string? LastError,
    string? SentAt);
