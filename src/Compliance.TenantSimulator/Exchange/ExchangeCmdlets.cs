using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Exchange;

/// <summary>
/// The cmdlets the simulator answers through InvokeCommand and the parameters each accepts; an unknown cmdlet or
/// parameter gets the proxy's error text rather than an unfiltered answer.
/// </summary>
internal static class ExchangeCmdlets
{
    private static readonly Dictionary<string, string[]> Parameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Get-ApplicationAccessPolicy"] = [],
        ["Get-Group"] = ["RecipientTypeDetails", "ResultSize", "Identity"],
        ["Get-Mailbox"] = ["RecipientTypeDetails", "ResultSize", "Identity", "Filter", "SoftDeletedMailbox"],
        ["Get-User"] = ["ResultSize", "Filter"],
        ["Get-ManagementScope"] = ["Identity"],
        ["Get-ManagementRoleAssignment"] = ["Role", "RoleAssigneeType", "Identity"],
        ["Get-ServicePrincipal"] = ["Identity"],
        ["Get-OrganizationConfig"] = [],
        ["Test-ServicePrincipalAuthorization"] = ["Identity", "Resource"],
    };

    /// <summary>The rows, or the detail message of a proxy error.</summary>
    public static (IReadOnlyList<JsonObject>? Rows, string? Error) Run(string cmdlet, JsonObject? parameters, SimulatorState state)
    {
        if (!Parameters.TryGetValue(cmdlet, out var allowed))
        {
            return (null, $"The term '{cmdlet}' is not recognized as a cmdlet, function, script file, or executable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.");
        }

        var given = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters ?? [])
        {
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return (null, $"A parameter cannot be found that matches parameter name '{name}'.");
            }

            given[name] = value;
        }

        var fixture = state.Fixture;
        var directory = fixture.Directory;
        string? Text(string name) => given.TryGetValue(name, out var v) && v is not null ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : null;
        switch (cmdlet.ToLowerInvariant())
        {
            case "get-applicationaccesspolicy":
                return (fixture.AccessPolicies.Select(Policy).ToList(), null);
            case "get-mailbox" or "get-user":
                return Recipients(cmdlet, given, Text, state);
            case "get-group":
                var groupTypes = given.TryGetValue("RecipientTypeDetails", out var gt) && gt is not null ? Names(gt) : null;
                var groupKey = Text("Identity");
                var groups = directory.Groups
                    .Where(g => groupTypes is null || groupTypes.Contains(ExchangeJson.GroupRecipientTypeDetails, StringComparer.OrdinalIgnoreCase))
                    .Where(g => groupKey is null || Is(groupKey, g.Id, g.Mail, g.DisplayName, g.DistinguishedName, g.Mail[..g.Mail.IndexOf('@', StringComparison.Ordinal)]))
                    .Select(ExchangeJson.Group).ToList();
                return groupKey is not null && groups.Count == 0 ? (null, NotFound(groupKey)) : (groups, null);
            case "get-managementscope":
                var scopeId = Text("Identity");
                return (directory.ManagementScopes.Where(s => scopeId is null || Is(scopeId, s.Name, s.Id)).Select(ExchangeJson.Scope).ToList(), null);
            case "get-managementroleassignment":
                var role = Text("Role");
                var assigneeType = Text("RoleAssigneeType");
                var name = Text("Identity");
                var rows = directory.RoleAssignments.Select(r => ExchangeJson.Assignment(r, directory)).Concat(ExchangeJson.BuiltInAssignments())
                    .Where(r => role is null || Is(role, (string)r["Role"]!))
                    .Where(r => assigneeType is null || Is(assigneeType, (string)r["RoleAssigneeType"]!))
                    .Where(r => name is null || Is(name, (string)r["Name"]!))
                    .ToList();
                return (rows, null);
            case "get-serviceprincipal":
                var spKey = Text("Identity");
                var pointers = directory.RoleAssignments.Select(r => r.ServicePrincipalId).Distinct()
                    .Select(id => fixture.ServicePrincipals.First(s => s.ObjectId == id))
                    .Where(s => spKey is null || Is(spKey, s.ObjectId, s.AppId, s.DisplayName))
                    .Select(ExchangeJson.ServicePrincipal).ToList();
                return spKey is not null && pointers.Count == 0 ? (null, NotFound(spKey)) : (pointers, null);
            case "get-organizationconfig":
                return ([ExchangeJson.OrganizationConfig(fixture)], null);
            default:
                return TestAuthorization(Text("Identity"), Text("Resource"), fixture);
        }
    }

    /// <summary>
    /// Get-Mailbox (or with -SoftDeletedMailbox the soft-deleted ones) and Get-User, narrowed by -Filter — dates from
    /// <see cref="RecipientChangeLog"/>, so a filter on WhenChangedUTC finds what changed since.
    /// </summary>
    private static (IReadOnlyList<JsonObject>? Rows, string? Error) Recipients(
        string cmdlet, Dictionary<string, JsonNode?> given, Func<string, string?> text, SimulatorState state)
    {
        var directory = state.Fixture.Directory;
        var log = RecipientChangeLog.Shared.Observe(state.Fixture.TenantId, directory, state.Time.GetUtcNow());
        var types = given.TryGetValue("RecipientTypeDetails", out var t) && t is not null ? Names(t) : null;
        var identity = text("Identity");
        var softDeleted = given.TryGetValue("SoftDeletedMailbox", out var switchValue) && switchValue?.GetValueKind() != JsonValueKind.False;
        var users = cmdlet.Equals("Get-User", StringComparison.OrdinalIgnoreCase);
        var filter = text("Filter");
        var candidates = log.Values.Where(e => users ? e.DeletedAt is null : !e.IsMailUser && (e.DeletedAt is not null) == softDeleted)
            .Where(e => types is null || types.Contains(e.Recipient.RecipientTypeDetails, StringComparer.OrdinalIgnoreCase))
            .Where(e => identity is null || Is(identity, e.Recipient.Address, e.Recipient.Alias, e.Recipient.Id, e.Recipient.ExchangeGuid));
        var rows = new List<JsonObject>();
        foreach (var e in candidates)
        {
            var dates = new OpathMatcher.RecipientDates(e.ChangedAt, e.Recipient.CreatedDateTime, e.DeletedAt);
            try
            {
                if (filter is not null && !OpathMatcher.Matches(filter, e.Recipient, directory, dates))
                {
                    continue;
                }
            }
            catch (FormatException failure)
            {
                return (null, $"Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"{failure.Message}\"");
            }

            rows.Add(users ? ExchangeJson.User(e) : softDeleted ? ExchangeJson.SoftDeletedMailbox(e) : ExchangeJson.Mailbox(e.Recipient, e.ChangedAt));
        }

        return identity is not null && rows.Count == 0 ? (null, NotFound(identity)) : (rows, null);
    }

    /// <summary>
    /// One row per RBAC assignment of the app; Entra-granted permissions are excluded, exactly as the real cmdlet
    /// does (m365-apis.md §5.1) — which is why it cannot reveal the union pitfall on its own.
    /// </summary>
    private static (IReadOnlyList<JsonObject>? Rows, string? Error) TestAuthorization(string? identity, string? resource, TenantFixture fixture)
    {
        if (identity is null)
        {
            return (null, "Cannot process command because of one or more missing mandatory parameters: Identity.");
        }

        var directory = fixture.Directory;
        var assignments = directory.RoleAssignments.Where(r => Is(identity, r.ServicePrincipalId, r.AppId, r.AppDisplayName)).ToList();
        if (assignments.Count == 0)
        {
            return (null, NotFound(identity));
        }

        SimMailbox? target = null;
        if (resource is not null && (target = directory.MailboxByKey(resource) ?? directory.Mailboxes.FirstOrDefault(m => Is(resource, m.Alias))) is null)
        {
            return (null, NotFound(resource));
        }

        return (assignments.Select(a =>
        {
            var scope = a.ScopeId is null ? null : directory.ManagementScopes.First(s => s.Id == a.ScopeId);
            var unit = a.AdministrativeUnitId is null ? null : directory.AdministrativeUnits.First(u => u.Id == a.AdministrativeUnitId);
            string inScope = target is null ? "Not Run"
                : scope is not null ? Safe(() => OpathMatcher.Matches(scope.RecipientFilter, target, directory)) ? "True" : "False"
                : unit is not null ? (unit.MemberUserIds.Contains(target.Id) ? "True" : "False")
                : "True";
            return new JsonObject
            {
                ["RoleName"] = a.Role.Name,
                ["GrantedPermissions"] = string.Join(", ", a.Role.Permissions),
                ["AllowedResourceScope"] = scope?.Name ?? unit?.DisplayName ?? "Organization",
                ["ScopeType"] = scope is not null ? "CustomRecipientScope" : unit is not null ? "AdministrativeUnit" : "Organization",
                ["InScope"] = inScope,
            };
        }).ToList(), null);
    }

    /// <summary>A malformed filter covers nobody (Exchange cannot evaluate it).</summary>
    private static bool Safe(Func<bool> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static JsonObject Policy(SimAccessPolicy p) => new()
    {
        ["Identity"] = p.Identity,
        ["AppId"] = p.AppId,
        ["ScopeName"] = p.ScopeName,
        ["ScopeIdentity"] = p.ScopeIdentity,
        ["ScopeIdentityRaw"] = p.Identity[(p.Identity.IndexOf(':', StringComparison.Ordinal) + 1)..],
        ["AccessRight"] = p.AccessRight,
        ["Description"] = p.Description,
        ["IsValid"] = true,
        ["ObjectState"] = "Unchanged",
    };

    /// <summary>A multi-valued parameter arrives as a JSON array or as one comma-separated string.</summary>
    private static List<string> Names(JsonNode value) =>
        value is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToList() : value.GetValue<string>().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static bool Is(string key, params string?[] candidates) => candidates.Any(c => string.Equals(c, key, StringComparison.OrdinalIgnoreCase));

    private static string NotFound(string identity) =>
        $"The operation couldn't be performed because object '{identity}' couldn't be found on 'EURPR01A001.PROD.OUTLOOK.COM'.";
}
