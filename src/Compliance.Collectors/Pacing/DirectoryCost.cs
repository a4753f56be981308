namespace Compliance.Collectors.Pacing;

/// <summary>
/// Resource units a directory read costs (learn: graph/throttling-limits, identity and access service limits):
/// a GET costs 2 RU for the collections the collectors read (applications, servicePrincipals, appRoleAssignedTo,
/// oauth2PermissionGrants, users, groups, members), and $select takes 1 RU off (m365-apis.md §4).
/// </summary>
internal static class DirectoryCost
{
    public static int Of(HttpRequestMessage request)
    {
        var query = request.RequestUri?.Query ?? "";
        var selects = query.Contains("%24select=", StringComparison.OrdinalIgnoreCase) || query.Contains("$select=", StringComparison.OrdinalIgnoreCase);
        return selects ? 1 : 2;
    }
}
