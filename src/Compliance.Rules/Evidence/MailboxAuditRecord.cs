namespace Compliance.Rules.Evidence;

/// <summary>
/// A Send/SendAs/SendOnBehalf mailbox audit record (Purview audit log query). <see cref="AppId"/> is the
/// application that acted, <see cref="MailboxAddress"/> the mailbox sent from.
/// </summary>
public sealed record MailboxAuditRecord(
    string Id,
    DateTimeOffset CreatedDateTime,
    string Operation,
    string MailboxAddress,
    string? AppId,
    string? UserId) : IActivityRecord
{
    DateTimeOffset IActivityRecord.OccurredAt => CreatedDateTime;

    string? IActivityRecord.Owner => AppId;
}
