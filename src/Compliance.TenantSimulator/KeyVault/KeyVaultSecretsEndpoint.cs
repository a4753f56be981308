using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.KeyVault;

/// <summary>
/// GET {vault}/secrets/{name}[/{version}]?api-version=… (learn: rest/api/keyvault/secrets/get-secret) for the secrets in
/// <see cref="SimulatorOptions.KeyVaultSecrets"/>: {"value","id","attributes":{…}}. The vault is the simulator's own base URL.
/// A fixture that denies "keyVault" answers 403 as a vault does for an identity without the Key Vault Secrets User role.
/// </summary>
internal static class KeyVaultSecretsEndpoint
{
    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapGet("/secrets/{name}", (HttpContext c, string name) => HandleAsync(c, state, name, null));
        app.MapGet("/secrets/{name}/{version}", (HttpContext c, string name, string version) => HandleAsync(c, state, name, version));
    }

    private static async Task HandleAsync(HttpContext context, SimulatorState state, string name, string? version)
    {
        // Key Vault is reachable over TLS only; the SDK itself refuses to send a bearer token over http.
        if (!context.Request.IsHttps)
        {
            await KeyVaultError.WriteAsync(context, 403, "Forbidden", "Key Vault accepts requests over HTTPS only.");
            return;
        }

        if (string.IsNullOrEmpty(context.Request.Query["api-version"]))
        {
            await KeyVaultError.WriteAsync(context, 400, "BadParameter", "The request is missing the api-version query parameter.");
            return;
        }

        if (!await KeyVaultChallenge.AuthorizeAsync(context, state))
        {
            return;
        }

        var vault = JsonReply.BaseUrl(context.Request).TrimEnd('/');
        if (state.Fixture.Failures.Denies("keyVault"))
        {
            await KeyVaultError.WriteAsync(context, 403, "Forbidden",
                $"Caller is not authorized to perform action on resource. Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'. Vault: {vault}.",
                "ForbiddenByRbac");
            return;
        }

        var secrets = state.Options.KeyVaultSecrets;
        var current = VersionOf(name);
        if (secrets is null || !secrets.TryGetValue(name, out var value) || (version is { Length: > 0 } && !version.Equals(current, StringComparison.OrdinalIgnoreCase)))
        {
            await KeyVaultError.WriteAsync(context, 404, "SecretNotFound",
                $"A secret with (name/id) {name}{(version is null ? "" : "/" + version)} was not found in this key vault.");
            return;
        }

        var created = state.Time.GetUtcNow().AddDays(-30).ToUnixTimeSeconds();
        var body = new JsonObject
        {
            ["value"] = value,
            ["id"] = $"{vault}/secrets/{name}/{current}",
            ["attributes"] = new JsonObject
            {
                ["enabled"] = true, ["created"] = created, ["updated"] = created,
                ["recoveryLevel"] = "Recoverable+Purgeable", ["recoverableDays"] = 90,
            },
            ["tags"] = new JsonObject(),
        };
        await JsonReply.WriteAsync(context, 200, body, "application/json; charset=utf-8");
    }

    /// <summary>Key Vault versions are 32 hex characters; one stable version per secret name.</summary>
    private static string VersionOf(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..32];
}
