namespace Compliance.Rules.Evidence;

/// <summary>
/// A mail recipient the scope computation can reason about: Get-Mailbox (RecipientTypeDetails, AuditEnabled,
/// OPATH properties) joined with Graph users (accountEnabled) and mailboxSettings/userPurpose (m365-apis.md §6).
/// <see cref="CustomAttributes"/> holds CustomAttribute1..15 in order (null where empty).
/// </summary>
public sealed record Mailbox(
    string UserId,
    string PrimarySmtpAddress,
    string? Alias,
    string? Name,
    string? DisplayName,
    string? RecipientTypeDetails,
    string? UserPurpose,
    bool? AccountEnabled,
    bool? AuditEnabled,
    IReadOnlyList<string> EmailAddresses,
    string? Department,
    string? Company,
    string? Office,
    IReadOnlyList<string?> CustomAttributes,
    string? DistinguishedName)
{
    /// <summary>Shared by Exchange's type, or by Graph's userPurpose when Get-Mailbox was not available.</summary>
    public bool IsShared =>
        string.Equals(RecipientTypeDetails, "SharedMailbox", StringComparison.OrdinalIgnoreCase)
        || (RecipientTypeDetails is null && string.Equals(UserPurpose, "shared", StringComparison.OrdinalIgnoreCase));
}
