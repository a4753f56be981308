using System.Globalization;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Identity;

/// <summary>The error body of the Microsoft identity platform token endpoint (error, error_description with AADSTS code, error_codes, timestamp, trace_id, correlation_id).</summary>
internal static class AadError
{
    public static Task WriteAsync(HttpContext context, SimulatorState state, int status, string error, int code, string description)
    {
        var now = state.Time.GetUtcNow();
        var traceId = Guid.NewGuid().ToString();
        var correlationId = Guid.NewGuid().ToString();
        var timestamp = now.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {description} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = $"{JsonReply.BaseUrl(context.Request)}error?code={code}",
        };
        return JsonReply.WriteAsync(context, status, body, "application/json; charset=utf-8");
    }
}
