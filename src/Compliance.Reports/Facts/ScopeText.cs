using Compliance.Rules.Scope;

namespace Compliance.Reports.Facts;

/// <summary>Plain-language names of the send-as paths, shared by the PDF and the workbook.</summary>
internal static class ScopeText
{
    public static string Of(SendAsPath path) => path switch
    {
        SendAsPath.EntraGrantUnrestricted => "Entra Mail.Send, no access policy",
        SendAsPath.EntraGrantRestrictAccess => "Entra Mail.Send, RestrictAccess policy",
        SendAsPath.EntraGrantDenyAccess => "Entra Mail.Send, DenyAccess policy only",
        SendAsPath.RbacCustomScope => "Exchange RBAC, custom scope",
        SendAsPath.RbacAdministrativeUnit => "Exchange RBAC, administrative unit",
        SendAsPath.RbacOrganization => "Exchange RBAC, whole organisation",
        SendAsPath.FullAccess => "Full mailbox access (full_access_as_app)",
        _ => path.ToString(),
    };

    public static string Reasons(ScopeEntry entry) =>
        string.Join("; ", entry.Reasons.Select(r => $"{Of(r.Path)}: {r.Description}"));
}
