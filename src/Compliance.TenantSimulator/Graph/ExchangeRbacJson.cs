using System.Globalization;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// Graph beta's Exchange RBAC provider shapes (m365-apis.md §5.3 Option A, [S22]). A custom-scope assignment carries
/// appScopeId = the customAppScope id and directoryScopeId null; an admin-unit one directoryScopeId
/// "/AdministrativeUnits/{id}"; an unscoped one "/" (the custom-scope shape is UNCONFIRMED, §10.3).
/// </summary>
internal static class ExchangeRbacJson
{
    public static readonly IReadOnlySet<string> AssignmentFields = Fields("id", "principalId", "roleDefinitionId", "directoryScopeId", "appScopeId", "condition");
    public static readonly IReadOnlySet<string> DefinitionFields = Fields("id", "description", "displayName", "isBuiltIn", "isEnabled", "resourceScopes", "templateId", "version", "rolePermissions");
    public static readonly IReadOnlySet<string> ScopeFields = Fields("id", "type", "displayName", "customAttributes");

    public static JsonObject Assignment(SimRoleAssignment a) => new()
    {
        ["id"] = a.Id,
        ["principalId"] = "/ServicePrincipals/" + a.ServicePrincipalId,
        ["roleDefinitionId"] = a.Role.Id,
        ["directoryScopeId"] = a.ScopeId is not null ? null : a.AdministrativeUnitId is { } au ? "/AdministrativeUnits/" + au : "/",
        ["appScopeId"] = a.ScopeId,
        ["condition"] = null,
    };

    public static JsonObject Definition(SimRoleDefinition d) => new()
    {
        ["id"] = d.Id,
        ["description"] = $"This role enables applications to use {string.Join(", ", d.Permissions)} on mailboxes in scope.",
        ["displayName"] = d.Name,
        ["isBuiltIn"] = true,
        ["isEnabled"] = true,
        ["resourceScopes"] = new JsonArray("/"),
        ["templateId"] = d.Id,
        ["version"] = "0.12 (14.0.451.0)",
        ["rolePermissions"] = new JsonArray(new JsonObject
        {
            ["allowedResourceActions"] = new JsonArray(d.Permissions.Select(p => (JsonNode?)p).ToArray()),
            ["condition"] = null,
        }),
    };

    public static JsonObject Scope(SimManagementScope s) => new()
    {
        ["id"] = s.Id,
        ["type"] = "RecipientScope",
        ["displayName"] = s.Name,
        ["customAttributes"] = new JsonObject { ["Exclusive"] = s.Exclusive, ["RecipientFilter"] = s.RecipientFilter },
    };

    public static string Format(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static HashSet<string> Fields(params string[] names) => new(names, StringComparer.OrdinalIgnoreCase);
}
