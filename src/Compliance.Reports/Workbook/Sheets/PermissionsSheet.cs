using Compliance.Rules.Evidence;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>Every permission path in one table: Entra application grants, delegated grants and Exchange RBAC assignments.</summary>
internal static class PermissionsSheet
{
    public static SheetTable Build(WorkbookContext context)
    {
        var evidence = context.Document.Evidence;
        var styles = context.Styles;
        var sheet = new SheetTable("Permissions",
            ["Kind", "Principal", "Principal id", "App id", "Resource", "Permission", "Permission id", "Scope", "Granted (UTC)"]);
        context.NoteMissing(sheet, EvidenceSources.AppRoleGrants);
        context.NoteMissing(sheet, EvidenceSources.DelegatedGrants);
        context.NoteMissing(sheet, EvidenceSources.ExchangeRbac);

        // One lookup per row, not a scan of every service principal (100,000 in a large tenant); the first object with
        // an id wins, as a scan from the start would find it.
        var principals = new Dictionary<string, ServicePrincipal>(StringComparer.Ordinal);
        foreach (var principal in evidence.ServicePrincipals)
        {
            principals.TryAdd(principal.ObjectId, principal);
        }

        string? AppIdOf(string principalId) => principals.GetValueOrDefault(principalId)?.AppId;
        string? NameOf(string principalId) => principals.GetValueOrDefault(principalId)?.DisplayName;

        var application = evidence.AppRoleGrants.Select(g => new[]
        {
            SheetValue.Text("Entra application"), SheetValue.Text(g.PrincipalDisplayName), SheetValue.Text(g.PrincipalId),
            SheetValue.Text(AppIdOf(g.PrincipalId)), SheetValue.Text(g.ResourceDisplayName ?? g.ResourceAppId),
            SheetValue.Text(g.AppRoleValue), SheetValue.Text(g.AppRoleId), SheetValue.Text("tenant-wide (narrowed only by an Application Access Policy)"),
            SheetValue.Date(g.CreatedDateTime, styles.Date),
        });
        var delegated = evidence.DelegatedGrants.Select(g => new[]
        {
            SheetValue.Text("Entra delegated"), SheetValue.Text(NameOf(g.ClientId)), SheetValue.Text(g.ClientId),
            SheetValue.Text(AppIdOf(g.ClientId)), SheetValue.Text(g.ResourceId), SheetValue.Text(g.Scope), SheetValue.Text(g.Id),
            SheetValue.Text(g.ConsentType == "AllPrincipals" ? "all users" : $"user {g.PrincipalId}"), SheetValue.Text(null),
        });
        var rbac = evidence.ExchangeRoleAssignments.Select(a => new[]
        {
            SheetValue.Text(a.Enabled ? "Exchange RBAC" : "Exchange RBAC (disabled)"), SheetValue.Text(NameOf(a.PrincipalObjectId)),
            SheetValue.Text(a.PrincipalObjectId), SheetValue.Text(AppIdOf(a.PrincipalObjectId)), SheetValue.Text("Exchange Online"),
            SheetValue.Text(a.RoleName), SheetValue.Text(a.Id), SheetValue.Text(ScopeOf(evidence, a)), SheetValue.Text(null),
        });

        // Streamed: a large tenant's grants are written as they are read, not held as cells first.
        sheet.Stream(application.Concat(delegated).Concat(rbac),
            evidence.AppRoleGrants.Count + evidence.DelegatedGrants.Count + evidence.ExchangeRoleAssignments.Count);
        return sheet;
    }

    private static string ScopeOf(EvidenceSnapshot evidence, ExchangeRoleAssignment a) => a.ScopeType switch
    {
        ExchangeScopeType.Organization => "whole organisation",
        ExchangeScopeType.AdministrativeUnit => "administrative unit " + (evidence.AdministrativeUnits.FirstOrDefault(u => u.Id == a.ScopeId)?.DisplayName ?? a.ScopeId),
        _ => evidence.ManagementScopes.FirstOrDefault(s => s.Id == a.ScopeId) is { } s ? $"scope {s.Name}: {s.RecipientFilter}" : $"scope {a.ScopeId}",
    };
}
