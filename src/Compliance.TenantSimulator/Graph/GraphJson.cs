using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// Directory objects in Graph v1.0's JSON shape (m365-apis.md §4), including nulls and fields a client must
/// ignore, so that the real SDK's parser is exercised.
/// </summary>
internal static class GraphJson
{
    public static readonly IReadOnlySet<string> ApplicationFields = Fields(
        "id", "deletedDateTime", "appId", "displayName", "createdDateTime", "signInAudience", "publisherDomain", "tags", "notes", "passwordCredentials", "keyCredentials");

    public static readonly IReadOnlySet<string> ServicePrincipalFields = Fields(
        "id", "deletedDateTime", "accountEnabled", "appId", "appDisplayName", "displayName", "appOwnerOrganizationId", "servicePrincipalType",
        "servicePrincipalNames", "tags", "appRoles", "passwordCredentials", "keyCredentials");

    public static readonly IReadOnlySet<string> AssignmentFields = Fields(
        "id", "deletedDateTime", "appRoleId", "createdDateTime", "principalDisplayName", "principalId", "principalType", "resourceDisplayName", "resourceId");

    public static JsonObject Application(SimApplication app, string domain) => new()
    {
        ["id"] = app.ObjectId,
        ["deletedDateTime"] = null,
        ["appId"] = app.AppId,
        ["displayName"] = app.DisplayName,
        ["createdDateTime"] = Date(app.CreatedDateTime),
        ["signInAudience"] = "AzureADMyOrg",
        ["publisherDomain"] = domain,
        ["tags"] = new JsonArray(),
        ["notes"] = null,
        ["passwordCredentials"] = Passwords(app.Credentials),
        ["keyCredentials"] = Keys(app.Credentials),
    };

    public static JsonObject ServicePrincipal(SimServicePrincipal sp) => new()
    {
        ["id"] = sp.ObjectId,
        ["deletedDateTime"] = null,
        ["accountEnabled"] = true,
        ["appId"] = sp.AppId,
        ["appDisplayName"] = sp.DisplayName,
        ["displayName"] = sp.DisplayName,
        ["appOwnerOrganizationId"] = sp.AppOwnerOrganizationId,
        ["servicePrincipalType"] = "Application",
        ["servicePrincipalNames"] = new JsonArray(sp.AppId),
        ["tags"] = new JsonArray("WindowsAzureActiveDirectoryIntegratedApp"),
        ["appRoles"] = new JsonArray(sp.AppRoles.Select(AppRole).ToArray<JsonNode?>()),
        ["passwordCredentials"] = Passwords(sp.Credentials),
        ["keyCredentials"] = Keys(sp.Credentials),
    };

    public static JsonObject Assignment(SimAppRoleAssignment a) => new()
    {
        ["id"] = a.Id,
        ["deletedDateTime"] = null,
        ["appRoleId"] = a.AppRoleId,
        ["createdDateTime"] = Date(a.CreatedDateTime),
        ["principalDisplayName"] = a.PrincipalDisplayName,
        ["principalId"] = a.PrincipalId,
        ["principalType"] = "ServicePrincipal",
        ["resourceDisplayName"] = a.ResourceDisplayName,
        ["resourceId"] = a.ResourceId,
    };

    /// <summary>Keeps only the $select-ed properties, in request order, like Graph.</summary>
    public static JsonObject Project(JsonObject full, IReadOnlyList<string>? select)
    {
        if (select is null)
        {
            return full;
        }

        var projected = new JsonObject();
        // Polymorphic collections (members) keep @odata.type whatever $select says.
        if (full["@odata.type"] is { } type)
        {
            projected["@odata.type"] = type.DeepClone();
        }

        foreach (var field in select.Distinct())
        {
            projected[field] = full[field]?.DeepClone();
        }

        return projected;
    }

    private static JsonObject AppRole(SimAppRole role) => new()
    {
        ["allowedMemberTypes"] = new JsonArray(role.AllowedMemberTypes.Select(m => (JsonNode?)m).ToArray()),
        ["description"] = role.Description,
        ["displayName"] = role.DisplayName,
        ["id"] = role.Id,
        ["isEnabled"] = role.IsEnabled,
        ["origin"] = "Application",
        ["value"] = role.Value,
    };

    private static JsonArray Passwords(IReadOnlyList<SimCredential> credentials) => new(credentials.Where(c => !c.IsCertificate).Select(c => (JsonNode?)new JsonObject
    {
        ["customKeyIdentifier"] = null,
        ["displayName"] = c.DisplayName,
        ["endDateTime"] = Date(c.EndDateTime),
        ["hint"] = Hint(c.KeyId),
        ["keyId"] = c.KeyId,
        ["secretText"] = null,
        ["startDateTime"] = Date(c.StartDateTime),
    }).ToArray());

    private static JsonArray Keys(IReadOnlyList<SimCredential> credentials) => new(credentials.Where(c => c.IsCertificate).Select(c => (JsonNode?)new JsonObject
    {
        // Defaults to the certificate thumbprint (binary, base64) per m365-apis.md §4; derived here from the keyId.
        ["customKeyIdentifier"] = Convert.ToBase64String(SHA1Like(c.KeyId)),
        ["displayName"] = c.DisplayName,
        ["endDateTime"] = Date(c.EndDateTime),
        ["key"] = null,
        ["keyId"] = c.KeyId,
        ["startDateTime"] = Date(c.StartDateTime),
        ["type"] = "AsymmetricX509Cert",
        ["usage"] = "Verify",
    }).ToArray());

    /// <summary>Graph returns only the first three characters of a secret as hint.</summary>
    private static string Hint(string keyId) => "Q~" + char.ToUpperInvariant(keyId[^1]);

    private static byte[] SHA1Like(string keyId) => SHA256.HashData(Encoding.UTF8.GetBytes(keyId))[..20];

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static HashSet<string> Fields(params string[] names) => new(names, StringComparer.OrdinalIgnoreCase);
}
