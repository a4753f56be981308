using Compliance.Reports.Facts;
using Compliance.Rules.Evidence;

namespace Compliance.Reports.Pdf;

/// <summary>Every permission path the app holds: Entra application and delegated grants, Exchange RBAC assignments.</summary>
internal static class IntegrationPermissionsBlock
{
    private static readonly TableColumn[] Columns = [new("Kind", 1.4), new("Resource", 1.6), new("Permission", 1.8), new("Scope / granted", 2.4)];

    public static void Render(LayoutCursor cursor, EvidenceSnapshot evidence, IntegrationFacts integration)
    {
        var theme = cursor.Theme;
        cursor.SubHeading("Permissions");
        string[] sources = [EvidenceSources.AppRoleGrants, EvidenceSources.DelegatedGrants, EvidenceSources.ExchangeRbac];
        foreach (var notice in sources.Select(s => SourceNotice.Missing(evidence, s)).OfType<string>())
        {
            cursor.Alert(notice);
        }

        if (integration.Principal is null)
        {
            cursor.Paragraph("The app has no service principal in this tenant, so it holds no permissions here.", theme.Body, theme.Text);
            return;
        }

        List<IReadOnlyList<TableCell>> rows =
        [
            .. integration.AppRoleGrants.Select(g => (IReadOnlyList<TableCell>)
                ["Entra application", g.ResourceDisplayName ?? g.ResourceAppId, g.AppRoleValue ?? g.AppRoleId,
                 g.CreatedDateTime is { } at ? "granted " + ReportFormat.Day(at) : "grant date unknown"]),
            .. integration.DelegatedGrants.Select(g => (IReadOnlyList<TableCell>)
                ["Entra delegated", g.ResourceId, g.Scope, g.ConsentType == "AllPrincipals" ? "all users" : $"user {g.PrincipalId}"]),
            .. integration.RoleAssignments.Select(a => (IReadOnlyList<TableCell>)
                [a.Enabled ? "Exchange RBAC" : "Exchange RBAC (disabled)", "Exchange Online", a.RoleName, ScopeOf(evidence, a)]),
        ];
        if (rows.Count == 0)
        {
            cursor.Paragraph("No permissions recorded for this app in the collected sources.", theme.Body, theme.Text);
            return;
        }

        new PdfTable(Columns).Render(cursor, rows);
    }

    private static string ScopeOf(EvidenceSnapshot evidence, ExchangeRoleAssignment assignment) => assignment.ScopeType switch
    {
        ExchangeScopeType.Organization => "whole organisation",
        ExchangeScopeType.AdministrativeUnit =>
            "administrative unit " + (evidence.AdministrativeUnits.FirstOrDefault(u => u.Id == assignment.ScopeId)?.DisplayName ?? assignment.ScopeId),
        _ => evidence.ManagementScopes.FirstOrDefault(s => s.Id == assignment.ScopeId) is { } scope
            ? $"scope {scope.Name}: {scope.RecipientFilter ?? "no filter"}"
            : $"scope {assignment.ScopeId}",
    };
}
