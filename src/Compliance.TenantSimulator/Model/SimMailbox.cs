namespace Compliance.TenantSimulator.Model;

/// <summary>A user object with a mailbox: what Graph users, mailboxSettings and Get-Mailbox all describe.</summary>
public sealed record SimMailbox(
    string Id,
    string Address,
    string Alias,
    string DisplayName,
    string UserPurpose,
    string RecipientTypeDetails,
    bool AccountEnabled,
    bool AuditEnabled,
    string? Department,
    string? Company,
    string? Office,
    IReadOnlyList<string?> CustomAttributes,
    string DistinguishedName,
    string ExchangeGuid,
    DateTimeOffset CreatedDateTime);
