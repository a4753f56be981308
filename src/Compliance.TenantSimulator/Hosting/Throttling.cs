using System.Globalization;
using Compliance.TenantSimulator.Graph;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Hosting;

/// <summary>
/// The documented service limits (m365-apis.md §8), answered with 429 + Retry-After: identity and access reports
/// 5 requests / 10 s per app; message trace 100 / 5 min per tenant; directory reads a resource-unit bucket
/// (small tenant: 3,500 RU / 10 s, 2 RU per read, 1 with $select); audit search 200 submissions / 24 h; Log Analytics
/// 200 requests / 30 s. <see cref="SimulatorOptions.TimeScale"/> shrinks every window so a throttled run stays short.
/// </summary>
internal sealed class Throttling
{
    private readonly ThrottleBucket signIns;
    private readonly ThrottleBucket messageTrace;
    private readonly ThrottleBucket directory;
    private readonly ThrottleBucket auditSubmissions;
    private readonly ThrottleBucket logAnalytics;

    public Throttling(double timeScale)
    {
        TimeSpan Scaled(double seconds) => TimeSpan.FromSeconds(Math.Max(0.001, seconds * timeScale));
        signIns = new("identity and access reports", 5, Scaled(10));
        messageTrace = new("message trace", 100, Scaled(300));
        directory = new("identity and access", 3_500, Scaled(10));
        auditSubmissions = new("security audit log query", 200, Scaled(86_400));
        logAnalytics = new("log analytics", 200, Scaled(30));
    }

    public async Task<bool> AdmitAsync(HttpContext context, SimulatorState state)
    {
        var path = context.Request.Path.Value ?? "";
        var (bucket, cost) = Classify(path, context.Request);
        if (bucket is null || bucket.TryTake(state.Time.GetUtcNow(), cost) is not { } wait)
        {
            return true;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (bucket == directory)
        {
            context.Response.Headers["x-ms-throttle-scope"] = "Tenant_Application/ReadWrite/" + state.Fixture.TenantId + "/" + state.ClientId;
            context.Response.Headers["x-ms-throttle-information"] = "ResourceUnitLimitExceeded";
        }

        await GraphError.WriteAsync(context, state, 429, "TooManyRequests", $"Too many requests ({bucket.Name} limit). Retry after {seconds} seconds.");
        return false;
    }

    private (ThrottleBucket? Bucket, int Cost) Classify(string path, HttpRequest request)
    {
        // The sign-in activity report is an identity report too; it shares their budget (conservative, UNCONFIRMED for reports/*).
        if (path.Contains("/auditLogs/", StringComparison.OrdinalIgnoreCase) || path.Contains("/reports/servicePrincipalSignInActivities", StringComparison.OrdinalIgnoreCase))
        {
            return (signIns, 1);
        }

        if (path.Contains("/admin/exchange/tracing/", StringComparison.OrdinalIgnoreCase))
        {
            return (messageTrace, 1);
        }

        if (path.Contains("/security/auditLog/queries", StringComparison.OrdinalIgnoreCase))
        {
            return HttpMethods.IsPost(request.Method) ? (auditSubmissions, 1) : (null, 0);
        }

        if (path.StartsWith("/v1/workspaces/", StringComparison.OrdinalIgnoreCase))
        {
            return (logAnalytics, 1);
        }

        var directoryRead = HttpMethods.IsGet(request.Method) && (path.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/beta/", StringComparison.OrdinalIgnoreCase));
        return directoryRead ? (directory, request.Query.ContainsKey("$select") ? 1 : 2) : (null, 0);
    }
}
