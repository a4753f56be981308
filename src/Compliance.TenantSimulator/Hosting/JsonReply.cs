using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Hosting;

internal static class JsonReply
{
    /// <summary>The content type Graph and the Exchange admin API send (OData JSON, minimal metadata).</summary>
    public const string ODataContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    public static async Task WriteAsync(HttpContext context, int status, JsonNode body, string contentType = ODataContentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["request-id"] = requestId;
        if (context.Request.Headers.TryGetValue("client-request-id", out var clientRequestId))
        {
            context.Response.Headers["client-request-id"] = clientRequestId;
        }

        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}/";
}
