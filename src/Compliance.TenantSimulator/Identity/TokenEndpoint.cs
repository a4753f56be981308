using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Identity;

/// <summary>
/// POST /{tenant}/oauth2/v2.0/token, client credentials only (secret or client assertion), as MSAL/Azure.Identity
/// call it once AuthorityHost points here with instance discovery disabled (libraries-measured.md row 2).
/// </summary>
internal static class TokenEndpoint
{
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static void Map(WebApplication app, SimulatorState state) =>
        app.MapPost("/{tenant}/oauth2/v2.0/token", (HttpContext context, string tenant) => HandleAsync(context, state, tenant));

    private static async Task HandleAsync(HttpContext context, SimulatorState state, string tenant)
    {
        var fixture = state.Fixture;
        if (!context.Request.HasFormContentType)
        {
            await AadError.WriteAsync(context, state, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!string.Equals(tenant, fixture.TenantId, StringComparison.OrdinalIgnoreCase) && !string.Equals(tenant, fixture.Domain, StringComparison.OrdinalIgnoreCase))
        {
            await AadError.WriteAsync(context, state, 400, "invalid_request", 90002, $"Tenant '{tenant}' not found.");
            return;
        }

        if (form["grant_type"] != "client_credentials")
        {
            await AadError.WriteAsync(context, state, 400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
            return;
        }

        var clientId = form["client_id"].ToString();
        if (!string.Equals(clientId, state.ClientId, StringComparison.OrdinalIgnoreCase))
        {
            await AadError.WriteAsync(context, state, 401, "invalid_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{fixture.Domain}'.");
            return;
        }

        var secret = form["client_secret"].ToString();
        var assertion = form["client_assertion"].ToString();
        var authenticated = secret.Length > 0
            ? SecretMatches(secret, state.Options.ClientSecret)
            : form["client_assertion_type"] == AssertionType && ClientAssertion.IsValid(assertion, clientId, state.Options.ClientCertificate);
        if (!authenticated)
        {
            // Like AAD, the description names the app, never the presented secret. 700027 is Entra's code for an assertion
            // not signed by a certificate registered on the app (Microsoft Q&A 5915574 shows it with error_codes [700027]).
            var description = secret.Length > 0
                ? $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'."
                : $"Client assertion failed signature validation or names another client than '{clientId}'.";
            await AadError.WriteAsync(context, state, 401, "invalid_client", secret.Length > 0 ? 7000215 : 700027, description);
            return;
        }

        TokenAudience? audience = AudienceFor(form["scope"].ToString());
        if (audience is null)
        {
            await AadError.WriteAsync(context, state, 400, "invalid_scope", 1002012, $"The provided value for scope {form["scope"]} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
            return;
        }

        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3599,
            ["ext_expires_in"] = 3599,
            ["access_token"] = state.Tokens.Issue(audience.Value),
        };
        await JsonReply.WriteAsync(context, 200, body, "application/json; charset=utf-8");
    }

    private static bool SecretMatches(string presented, string? expected) =>
        expected is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    /// <summary>Maps a .default scope to the resource; Graph and Exchange Online by URI or by appId.</summary>
    private static TokenAudience? AudienceFor(string scope)
    {
        foreach (var item in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!item.EndsWith("/.default", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var resource = item[..^"/.default".Length].TrimEnd('/');
            if (resource.Equals("https://graph.microsoft.com", StringComparison.OrdinalIgnoreCase) || resource.Equals("00000003-0000-0000-c000-000000000000", StringComparison.OrdinalIgnoreCase))
            {
                return TokenAudience.Graph;
            }

            // Both hosts are accepted for Log Analytics (m365-apis.md §1.4: .io is the widely used scope, .azure.com UNCONFIRMED).
            if (resource.Equals("https://api.loganalytics.io", StringComparison.OrdinalIgnoreCase) || resource.Equals("https://api.loganalytics.azure.com", StringComparison.OrdinalIgnoreCase))
            {
                return TokenAudience.LogAnalytics;
            }

            if (resource.Equals(KeyVault.KeyVaultChallenge.Resource, StringComparison.OrdinalIgnoreCase))
            {
                return TokenAudience.KeyVault;
            }

            if (resource.Equals("https://outlook.office365.com", StringComparison.OrdinalIgnoreCase) || resource.Equals("00000002-0000-0ff1-ce00-000000000000", StringComparison.OrdinalIgnoreCase))
            {
                return TokenAudience.Exchange;
            }
        }

        return null;
    }
}
