using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>GET /v1.0/oauth2PermissionGrants with $filter clientId eq '{sp object id}' (m365-apis.md §4, [S18c]).</summary>
internal static class OAuth2PermissionGrantsEndpoint
{
    private static readonly CollectionSpec Spec = new("v1.0", "oauth2PermissionGrants", DirectoryJson.GrantFields, new Dictionary<string, string[]>
    {
        ["clientId"] = ["eq"],
        ["resourceId"] = ["eq"],
        ["consentType"] = ["eq"],
        ["principalId"] = ["eq"],
    })
    { EntityType = "oAuth2PermissionGrant" };

    public static void Map(WebApplication app, SimulatorState state) =>
        app.MapGet("/v1.0/oauth2PermissionGrants", async (HttpContext context) =>
        {
            if (await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "oauth2PermissionGrants"))
            {
                await CollectionPage.WriteAsync(context, state, Spec, _ => state.Fixture.Directory.DelegatedGrants.Select(DirectoryJson.Grant));
            }
        });
}
