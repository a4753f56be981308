using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.KeyVault;

/// <summary>Key Vault's error body: {"error":{"code","message","innererror":{"code"}}} (learn: key-vault/general/rest-error-codes).</summary>
internal static class KeyVaultError
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message, string? innerCode = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (innerCode is not null)
        {
            error["innererror"] = new JsonObject { ["code"] = innerCode };
        }

        return JsonReply.WriteAsync(context, status, new JsonObject { ["error"] = error }, "application/json; charset=utf-8");
    }
}
