using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.KeyVault;

/// <summary>
/// Key Vault's challenge-based authentication (learn: key-vault/general/authentication-requests-and-responses): a request
/// without a valid token is answered 401 with WWW-Authenticate: Bearer authorization="{authority}/{tenant}",
/// resource="https://vault.azure.net". The SDK sends its first request without a token, reads the tenant from the
/// authorization URL and asks for a token for resource/.default, then repeats the request with it.
/// </summary>
internal static class KeyVaultChallenge
{
    public const string Resource = "https://vault.azure.net";

    public static async Task<bool> AuthorizeAsync(HttpContext context, SimulatorState state)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (token.Length > 0 && state.Tokens.AudienceOf(token) == TokenAudience.KeyVault && !state.Tokens.IsExpired(token))
        {
            return true;
        }

        // The simulator is its own authority: the tenant id is the last segment, as in login.microsoftonline.com/{tenant}.
        var authority = JsonReply.BaseUrl(context.Request) + state.Fixture.TenantId;
        context.Response.Headers.WWWAuthenticate = $"Bearer authorization=\"{authority}\", resource=\"{Resource}\"";
        var message = token.Length == 0 ? "AKV10000: Request is missing a Bearer or PoP token." : "AKV10022: Invalid audience or expired token.";
        await KeyVaultError.WriteAsync(context, 401, "Unauthorized", message);
        return false;
    }
}
