using Compliance.TenantSimulator.Graph;
using Compliance.TenantSimulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Identity;

/// <summary>Every API call needs a bearer token we issued for that API's audience.</summary>
internal static class BearerGuard
{
    public static async Task<bool> AuthorizeAsync(HttpContext context, SimulatorState state, TokenAudience audience)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (token.Length == 0)
        {
            await GraphError.WriteAsync(context, state, 401, "InvalidAuthenticationToken", "Access token is empty.");
            return false;
        }

        var issuedFor = state.Tokens.AudienceOf(token);
        if (issuedFor is null)
        {
            await GraphError.WriteAsync(context, state, 401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
            return false;
        }

        if (state.Tokens.IsExpired(token))
        {
            await GraphError.WriteAsync(context, state, 401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
            return false;
        }

        if (issuedFor != audience)
        {
            await GraphError.WriteAsync(context, state, 401, "InvalidAuthenticationToken", $"Access token validation failure. Invalid audience: issued for {issuedFor}, presented to {audience}.");
            return false;
        }

        return true;
    }
}
