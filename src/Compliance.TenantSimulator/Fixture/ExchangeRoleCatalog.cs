using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// The "Application …" roles of Exchange RBAC for Applications (m365-apis.md §5.1, learn application-rbac) with the
/// permissions each grants; Mail Full Access = Mail.ReadWrite + Mail.Send. Ids are stable per tenant-independent name.
/// </summary>
internal static class ExchangeRoleCatalog
{
    public static readonly IReadOnlyList<SimRoleDefinition> All =
    [
        Role("Application Mail.Read", "Mail.Read"),
        Role("Application Mail.ReadBasic", "Mail.ReadBasic"),
        Role("Application Mail.ReadWrite", "Mail.ReadWrite"),
        Role("Application Mail.Send", "Mail.Send"),
        Role("Application MailboxSettings.Read", "MailboxSettings.Read"),
        Role("Application MailboxSettings.ReadWrite", "MailboxSettings.ReadWrite"),
        Role("Application Calendars.Read", "Calendars.Read"),
        Role("Application Calendars.ReadWrite", "Calendars.ReadWrite"),
        Role("Application Contacts.Read", "Contacts.Read"),
        Role("Application Contacts.ReadWrite", "Contacts.ReadWrite"),
        Role("Application Mail Full Access", "Mail.ReadWrite", "Mail.Send"),
        Role("Application Exchange Full Access", "Mail.ReadWrite", "Mail.Send", "MailboxSettings.ReadWrite", "Calendars.ReadWrite", "Contacts.ReadWrite"),
        Role("Application EWS.AccessAsApp", "EWS.AccessAsApp"),
        Role("Application SMTP.SendAsApp", "SMTP.SendAsApp"),
    ];

    public static SimRoleDefinition Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidDataException($"'{name}' is not an Exchange application role (expected one of: {string.Join(", ", All.Select(r => r.Name))}).");

    private static SimRoleDefinition Role(string name, params string[] permissions) =>
        new(FixtureBuilder.DeterministicGuid("exchange-role", name), name, permissions);
}
