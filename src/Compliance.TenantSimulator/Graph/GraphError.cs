using System.Globalization;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>Graph's error body: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.</summary>
internal static class GraphError
{
    public static Task WriteAsync(HttpContext context, SimulatorState state, int status, string code, string message)
    {
        var requestId = Guid.NewGuid().ToString();
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = state.Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = requestId,
                    ["client-request-id"] = context.Request.Headers.TryGetValue("client-request-id", out var c) ? c.ToString() : requestId,
                },
            },
        };
        return JsonReply.WriteAsync(context, status, body, "application/json");
    }
}
