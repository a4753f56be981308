using Microsoft.Graph.Models;

namespace Compliance.Collectors.Sources;

/// <summary>
/// The few properties of a Graph user that the mailbox join reads, copied off each page as it arrives. A Graph SDK
/// User keeps every property in a Kiota backing store (two concurrent dictionaries per object): 50,276 of them held
/// until Get-Mailbox had been read were ≈ 150 MB of the large tenant's collection peak (measured with dotnet-gcdump).
/// </summary>
internal sealed record MailboxUser(
    string Id, string? Mail, string? MailNickname, string? DisplayName, bool? AccountEnabled, IReadOnlyList<string> ProxyAddresses,
    string? Department, string? CompanyName, string? OfficeLocation)
{
    public static MailboxUser? From(User user) => user.Id is null ? null : new(
        user.Id, user.Mail, user.MailNickname, user.DisplayName, user.AccountEnabled, user.ProxyAddresses?.ToArray() ?? [],
        user.Department, user.CompanyName, user.OfficeLocation);
}
