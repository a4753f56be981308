using Compliance.Collectors.Incremental;

namespace Compliance.Collectors.Sources;

/// <summary>
/// One shared string per value, per read, of the mailbox columns that repeat across a tenant: a handful of recipient
/// types, the organisation's departments, companies and offices (the large generated tenant: 4 types, 267 departments
/// and 1 company in 50,276 mailboxes), each otherwise a copy per mailbox. Name often has the same text as Alias (every
/// mailbox of the simulator's tenants) or DisplayName; it then shares their instance.
/// </summary>
internal sealed class MailboxStrings
{
    private readonly StringPool types = new(), departments = new(), companies = new(), offices = new();

    public string? Type(string? value) => types.GetOrNull(value);

    public string? Department(string? value) => departments.GetOrNull(value);

    public string? Company(string? value) => companies.GetOrNull(value);

    public string? Office(string? value) => offices.GetOrNull(value);

    public static string? Name(string? name, string? alias, string? displayName) =>
        string.Equals(name, alias, StringComparison.Ordinal) ? alias
        : string.Equals(name, displayName, StringComparison.Ordinal) ? displayName
        : name;
}
