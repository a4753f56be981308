using System.Globalization;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Graph;

/// <summary>Users, mailbox settings, groups, administrative units and delegated grants in Graph v1.0's shapes.</summary>
internal static class DirectoryJson
{
    public static readonly IReadOnlySet<string> UserFields = Fields(
        "id", "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname",
        "userPrincipalName", "accountEnabled", "department", "companyName", "createdDateTime", "proxyAddresses", "userType", "onPremisesSyncEnabled", "mailNickname");

    /// <summary>Graph returns only this default set unless $select asks for more (accountEnabled is not in it).</summary>
    public static readonly IReadOnlyList<string> UserDefaultSelect =
        ["businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"];

    public static readonly IReadOnlySet<string> GroupFields = Fields(
        "id", "deletedDateTime", "displayName", "description", "mail", "mailEnabled", "mailNickname", "securityEnabled", "groupTypes", "createdDateTime", "proxyAddresses", "onPremisesSyncEnabled");

    public static readonly IReadOnlySet<string> MemberFields = new HashSet<string>(UserFields.Concat(GroupFields), StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlySet<string> UnitFields = Fields("id", "deletedDateTime", "displayName", "description", "visibility", "membershipType", "membershipRule", "isMemberManagementRestricted");

    public static readonly IReadOnlySet<string> GrantFields = Fields("id", "clientId", "consentType", "principalId", "resourceId", "scope");

    public static JsonObject User(SimMailbox m) => new()
    {
        ["id"] = m.Id,
        ["businessPhones"] = new JsonArray(),
        ["displayName"] = m.DisplayName,
        ["givenName"] = null,
        ["jobTitle"] = null,
        ["mail"] = m.Address,
        ["mobilePhone"] = null,
        ["officeLocation"] = m.Office,
        ["preferredLanguage"] = m.UserPurpose == "user" ? "en-GB" : null,
        ["surname"] = null,
        ["userPrincipalName"] = m.Address,
        ["accountEnabled"] = m.AccountEnabled,
        ["department"] = m.Department,
        ["companyName"] = m.Company,
        ["createdDateTime"] = Date(m.CreatedDateTime),
        ["proxyAddresses"] = new JsonArray("SMTP:" + m.Address),
        ["userType"] = "Member",
        ["onPremisesSyncEnabled"] = null,
        ["mailNickname"] = m.Alias,
    };

    /// <summary>The full mailboxSettings resource (m365-apis.md §6); userPurpose is the only property the audit reads.</summary>
    public static JsonObject MailboxSettings(SimMailbox m) => new()
    {
        ["archiveFolder"] = "AAMkAD" + m.Id.Replace("-", "", StringComparison.Ordinal)[..16],
        ["timeZone"] = "W. Europe Standard Time",
        ["delegateMeetingMessageDeliveryOptions"] = "sendToDelegateOnly",
        ["dateFormat"] = "dd/MM/yyyy",
        ["timeFormat"] = "HH:mm",
        ["userPurpose"] = m.UserPurpose,
        ["automaticRepliesSetting"] = new JsonObject
        {
            ["status"] = "disabled",
            ["externalAudience"] = "all",
            ["internalReplyMessage"] = "",
            ["externalReplyMessage"] = "",
            ["scheduledStartDateTime"] = new JsonObject { ["dateTime"] = "2026-01-01T00:00:00.0000000", ["timeZone"] = "UTC" },
            ["scheduledEndDateTime"] = new JsonObject { ["dateTime"] = "2026-01-02T00:00:00.0000000", ["timeZone"] = "UTC" },
        },
        ["language"] = new JsonObject { ["locale"] = "en-GB", ["displayName"] = "English (United Kingdom)" },
        ["workingHours"] = new JsonObject
        {
            ["daysOfWeek"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday"),
            ["startTime"] = "08:00:00.0000000",
            ["endTime"] = "17:00:00.0000000",
            ["timeZone"] = new JsonObject { ["name"] = "W. Europe Standard Time" },
        },
    };

    public static JsonObject Group(SimGroup g) => new()
    {
        ["id"] = g.Id,
        ["deletedDateTime"] = null,
        ["displayName"] = g.DisplayName,
        ["description"] = null,
        ["mail"] = g.Mail,
        ["mailEnabled"] = true,
        ["mailNickname"] = g.Mail[..g.Mail.IndexOf('@', StringComparison.Ordinal)],
        ["securityEnabled"] = true,
        ["groupTypes"] = new JsonArray(),
        ["createdDateTime"] = "2024-03-01T09:00:00Z",
        ["proxyAddresses"] = new JsonArray("SMTP:" + g.Mail),
        ["onPremisesSyncEnabled"] = null,
    };

    public static JsonObject Unit(SimAdministrativeUnit u) => new()
    {
        ["id"] = u.Id,
        ["deletedDateTime"] = null,
        ["displayName"] = u.DisplayName,
        ["description"] = null,
        ["visibility"] = null,
        ["membershipType"] = null,
        ["membershipRule"] = null,
        ["isMemberManagementRestricted"] = false,
    };

    public static JsonObject Grant(SimDelegatedGrant g) => new()
    {
        ["clientId"] = g.ClientId,
        ["consentType"] = g.ConsentType,
        ["id"] = g.Id,
        ["principalId"] = g.PrincipalId,
        ["resourceId"] = g.ResourceId,
        ["scope"] = g.Scope,
    };

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static HashSet<string> Fields(params string[] names) => new(names, StringComparer.OrdinalIgnoreCase);
}
