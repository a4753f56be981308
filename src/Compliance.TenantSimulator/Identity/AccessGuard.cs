using Compliance.TenantSimulator.Graph;
using Compliance.TenantSimulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Identity;

/// <summary>Bearer token check, then the fixture's planted permission denials (403 Authorization_RequestDenied, Graph's body for a missing app role).</summary>
internal static class AccessGuard
{
    public static async Task<bool> AuthorizeAsync(HttpContext context, SimulatorState state, TokenAudience audience, string permissionGroup)
    {
        if (!await BearerGuard.AuthorizeAsync(context, state, audience))
        {
            return false;
        }

        if (state.Fixture.Failures.Denies(permissionGroup))
        {
            await GraphError.WriteAsync(context, state, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
            return false;
        }

        return true;
    }
}
