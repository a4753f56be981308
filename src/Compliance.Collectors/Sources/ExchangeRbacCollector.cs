using System.Text.Json;
using Compliance.Collectors.Internal;
using Compliance.Collectors.Wire;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Exchange RBAC for Applications: role assignments of service principals and the management scopes they use.
/// First Graph beta roleManagement/exchange (Graph token, no Exchange role needed, m365-apis.md §5.3 Option A); when
/// beta refuses (403/404 — app-only support is not confirmed in every tenant, §10.3) the same facts come from
/// Get-ManagementRoleAssignment, Get-ManagementScope and Get-ServicePrincipal through InvokeCommand (Option B).
/// OPATH filters are kept verbatim: the scope evaluator parses them, the collector never rewrites them.
/// </summary>
internal sealed class ExchangeRbacCollector(TenantConnection connection, SourceContext source)
{
    private const string ServicePrincipalPrefix = "/ServicePrincipals/";
    private const string AdministrativeUnitPrefix = "/AdministrativeUnits/";

    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("RoleManagement.Read.Exchange");

    private static readonly string[] PrincipalNames = ["Identity", "Name", "DisplayName", "AppId", "ObjectId"];

    public IReadOnlyList<ManagementScope> Scopes { get; private set; } = [];

    public Task<SourceOutcome<ExchangeRoleAssignment>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            try
            {
                return await FromGraphBetaAsync(token);
            }
            catch (ApiCallException beta) when (beta.Status is 403 or 404)
            {
                var why = FailureReason.Describe(beta, Requirement);
                try
                {
                    var (assignments, scopes) = await FromExchangeAsync(token);
                    Scopes = scopes;
                    return ((IReadOnlyList<ExchangeRoleAssignment>)assignments, (string?)null);
                }
                catch (ExchangeAdminException exchange)
                {
                    throw new ExchangeAdminException($"Graph beta: {why}; Exchange admin API fallback: {exchange.Message}", exchange);
                }
            }
        }, ct);

    private async Task<(IReadOnlyList<ExchangeRoleAssignment>, string?)> FromGraphBetaAsync(CancellationToken ct)
    {
        using var http = SourceHttp.Create(connection, source, connection.Endpoints.GraphScope);
        var api = new JsonApi(http, "Graph beta");
        var root = connection.Endpoints.GraphBetaUrl.AbsoluteUri + "/roleManagement/exchange";
        var definitions = await ReadAllAsync(api, new Uri(root + "/roleDefinitions?$select=id,displayName"), ct);
        var scopeRows = await ReadAllAsync(api, new Uri(root + "/customAppScopes"), ct);
        var assignmentRows = await ReadAllAsync(api, new Uri(root + "/roleAssignments"), ct);

        var roleNames = definitions.Where(d => Text(d, "id") is not null).GroupBy(d => Text(d, "id")!).ToDictionary(g => g.Key, g => Text(g.First(), "displayName"));
        Scopes = scopeRows.Select(s =>
        {
            // customAppScope: {id, type: "RecipientScope", displayName, customAttributes: {Exclusive, RecipientFilter}} (m365-apis.md §5.3).
            var attributes = s.TryGetProperty("customAttributes", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
            var filter = attributes.ValueKind == JsonValueKind.Object ? ExchangeRow.Text(attributes, "RecipientFilter") : null;
            var exclusive = attributes.ValueKind == JsonValueKind.Object && (ExchangeRow.Bool(attributes, "Exclusive") ?? false);
            return new ManagementScope(Text(s, "id") ?? "", Text(s, "displayName") ?? "", filter, exclusive);
        }).ToList();

        var assignments = new List<ExchangeRoleAssignment>();
        foreach (var row in assignmentRows)
        {
            var principal = Text(row, "principalId") ?? "";
            if (!principal.StartsWith(ServicePrincipalPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue; // users and role groups are not apps
            }

            var roleId = Text(row, "roleDefinitionId") ?? "";
            var directoryScope = Text(row, "directoryScopeId") ?? "/";
            var (type, scopeId) = Text(row, "appScopeId") is { } appScope
                ? (ExchangeScopeType.CustomRecipientScope, appScope)
                : directoryScope.StartsWith(AdministrativeUnitPrefix, StringComparison.OrdinalIgnoreCase)
                    ? (ExchangeScopeType.AdministrativeUnit, directoryScope[AdministrativeUnitPrefix.Length..])
                    : (ExchangeScopeType.Organization, (string?)null);
            assignments.Add(new ExchangeRoleAssignment(
                Text(row, "id") ?? "", roleNames.GetValueOrDefault(roleId) ?? roleId, principal[ServicePrincipalPrefix.Length..], type, scopeId));
        }

        return (assignments, null);
    }

    private async Task<(List<ExchangeRoleAssignment>, List<ManagementScope>)> FromExchangeAsync(CancellationToken ct)
    {
        using var client = new ExchangeAdminClient(connection, source);
        var principals = await client.InvokeAsync("Get-ServicePrincipal", ct);
        var scopes = await client.InvokeAsync("Get-ManagementScope", ct);
        var assignments = await client.InvokeAsync("Get-ManagementRoleAssignment", new Dictionary<string, object> { ["RoleAssigneeType"] = "ServicePrincipal" }, ct);

        // RoleAssignee names the Exchange service principal pointer; its ObjectId is the Entra service principal (m365-apis.md §5.1).
        var objectIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in principals)
        {
            if (ExchangeRow.Text(p, "ObjectId") is not { } objectId)
            {
                continue;
            }

            foreach (var name in PrincipalNames.Select(n => ExchangeRow.Text(p, n)).OfType<string>())
            {
                objectIds.TryAdd(name, objectId);
            }
        }

        var scopeList = scopes.Select(s => new ManagementScope(
            ExchangeRow.Text(s, "Guid") ?? ExchangeRow.Text(s, "Identity") ?? ExchangeRow.Text(s, "Name") ?? "",
            ExchangeRow.Text(s, "Name") ?? ExchangeRow.Text(s, "Identity") ?? "",
            ExchangeRow.Text(s, "RecipientFilter") ?? ExchangeRow.Text(s, "RecipientRestrictionFilter"),
            ExchangeRow.Bool(s, "Exclusive") ?? false)).ToList();
        var scopeIdByName = scopeList.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);

        var result = new List<ExchangeRoleAssignment>();
        foreach (var a in assignments)
        {
            if (!string.Equals(ExchangeRow.Text(a, "RoleAssigneeType"), "ServicePrincipal", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var assignee = ExchangeRow.Text(a, "App") ?? ExchangeRow.Text(a, "RoleAssignee") ?? ExchangeRow.Text(a, "RoleAssigneeName") ?? "";
            var customScope = ExchangeRow.Text(a, "CustomResourceScope") ?? ExchangeRow.Text(a, "CustomRecipientWriteScope");
            var writeScope = ExchangeRow.Text(a, "RecipientWriteScope") ?? "";
            var (type, scopeId) = customScope is not null && writeScope.Contains("AdministrativeUnit", StringComparison.OrdinalIgnoreCase)
                ? (ExchangeScopeType.AdministrativeUnit, customScope)
                : customScope is not null
                    ? (ExchangeScopeType.CustomRecipientScope, scopeIdByName.GetValueOrDefault(customScope) ?? customScope)
                    : (ExchangeScopeType.Organization, (string?)null);
            result.Add(new ExchangeRoleAssignment(
                ExchangeRow.Text(a, "Guid") ?? ExchangeRow.Text(a, "Identity") ?? ExchangeRow.Text(a, "Name") ?? "",
                ExchangeRow.Text(a, "Role") ?? "",
                objectIds.GetValueOrDefault(assignee) ?? assignee,
                type,
                scopeId,
                ExchangeRow.Bool(a, "Enabled") ?? true));
        }

        return (result, scopeList);
    }

    private static async Task<List<JsonElement>> ReadAllAsync(JsonApi api, Uri first, CancellationToken ct)
    {
        var rows = new List<JsonElement>();
        var partial = await PagedRead.EachPageAsync(
            first, (url, token) => api.GetAsync(url, WireJson.Default.ODataPageJsonElement, token), p => p.NextLink,
            (p, _) =>
            {
                rows.AddRange(p.Value);
                return Task.CompletedTask;
            },
            Requirement, ct);
        // Configuration must be complete to judge scoping: a missing page is a failure here, not a partial result.
        return partial is null ? rows : throw new ApiCallException("Graph beta", 0, "incomplete", partial);
    }

    private static string? Text(JsonElement row, string name) => ExchangeRow.Text(row, name);
}
