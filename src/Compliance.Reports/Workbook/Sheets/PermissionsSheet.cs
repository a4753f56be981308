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

        string? AppIdOf(string principalId) => evidence.ServicePrincipals.FirstOrDefault(s => s.ObjectId == principalId)?.AppId;
        string? NameOf(string principalId) => evidence.ServicePrincipals.FirstOrDefault(s => s.ObjectId == principalId)?.DisplayName;

        foreach (var g in evidence.AppRoleGrants)
        {
            sheet.Add(
                SheetValue.Text("Entra application"), SheetValue.Text(g.PrincipalDisplayName), SheetValue.Text(g.PrincipalId),
                SheetValue.Text(AppIdOf(g.PrincipalId)), SheetValue.Text(g.ResourceDisplayName ?? g.ResourceAppId),
                SheetValue.Text(g.AppRoleValue), SheetValue.Text(g.AppRoleId), SheetValue.Text("tenant-wide (narrowed only by an Application Access Policy)"),
                SheetValue.Date(g.CreatedDateTime, styles.Date));
        }

        foreach (var g in evidence.DelegatedGrants)
        {
            sheet.Add(
                SheetValue.Text("Entra delegated"), SheetValue.Text(NameOf(g.ClientId)), SheetValue.Text(g.ClientId),
                SheetValue.Text(AppIdOf(g.ClientId)), SheetValue.Text(g.ResourceId), SheetValue.Text(g.Scope), SheetValue.Text(g.Id),
                SheetValue.Text(g.ConsentType == "AllPrincipals" ? "all users" : $"user {g.PrincipalId}"), SheetValue.Text(null));
        }

        foreach (var a in evidence.ExchangeRoleAssignments)
        {
            var scope = a.ScopeType switch
            {
                ExchangeScopeType.Organization => "whole organisation",
                ExchangeScopeType.AdministrativeUnit => "administrative unit " + (evidence.AdministrativeUnits.FirstOrDefault(u => u.Id == a.ScopeId)?.DisplayName ?? a.ScopeId),
                _ => evidence.ManagementScopes.FirstOrDefault(s => s.Id == a.ScopeId) is { } s ? $"scope {s.Name}: {s.RecipientFilter}" : $"scope {a.ScopeId}",
            };
            sheet.Add(
                SheetValue.Text(a.Enabled ? "Exchange RBAC" : "Exchange RBAC (disabled)"), SheetValue.Text(NameOf(a.PrincipalObjectId)),
                SheetValue.Text(a.PrincipalObjectId), SheetValue.Text(AppIdOf(a.PrincipalObjectId)), SheetValue.Text("Exchange Online"),
                SheetValue.Text(a.RoleName), SheetValue.Text(a.Id), SheetValue.Text(scope), SheetValue.Text(null));
        }

        return sheet;
    }
}
