using Compliance.TenantSimulator.Fixture;
using Compliance.TenantSimulator.Graph;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Hosting;

/// <summary>
/// Applies the run's fault profile to API requests (never to the token endpoint). Which request fails is decided by
/// a fixed integer mix of the seed and the request number, so a seeded run fails the same way every time — as long as
/// the requests arrive in the same order.
/// </summary>
internal sealed class FaultInjector(FaultProfile profile, int seed, double timeScale)
{
    /// <summary>
    /// A request that failed this many times in a row is answered properly the next time. A transient fault is one a
    /// retry gets past; the collectors retry 4 times (Compliance.Collectors RetryPolicy.Default) and Kiota 3. With
    /// concurrent sources the request numbers a retried request draws depend on thread timing, so without this bound
    /// one request in 3,125 met five faults in a row and a drill's outcome depended on the machine's load.
    /// </summary>
    private const int MaxFaultsInARow = 2;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> faultsInARow = new(StringComparer.Ordinal);
    private int requestNumber;

    /// <summary>Answers the fault itself, or runs <paramref name="next"/> (inside a buffer for body faults).</summary>
    public async Task InvokeAsync(HttpContext context, SimulatorState state, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        var isApi = !path.Contains("/oauth2/", StringComparison.OrdinalIgnoreCase);
        var n = isApi ? Interlocked.Increment(ref requestNumber) : 0;
        var unlucky = isApi && Streak(context.Request, ActivityBuilder.Mix(seed, n) % 5 == 0);
        switch (profile)
        {
            case FaultProfile.Transient when unlucky:
                context.Response.Headers.RetryAfter = "1";
                var status = ActivityBuilder.Mix(seed + 1, n) % 2 == 0 ? 503 : 504;
                await GraphError.WriteAsync(context, state, status, status == 503 ? "serviceNotAvailable" : "gatewayTimeout", "The service is temporarily unavailable. Please retry.");
                return;
            case FaultProfile.TokenExpiry when n == 5:
                state.Tokens.ExpireAll();
                break;
            case FaultProfile.Slow when isApi:
                // On the simulator's clock, like its throttling windows: a test's fake clock decides when the answer comes.
                await Task.Delay(TimeSpan.FromSeconds(2 * timeScale), state.Time, context.RequestAborted);
                break;
            case FaultProfile.AuditV1Absent when path.StartsWith("/v1.0/security/auditLog/", StringComparison.OrdinalIgnoreCase):
                await GraphError.WriteAsync(context, state, 404, "UnknownError", "");
                return;
            case FaultProfile.PermissionMissing when path.Contains("/auditLogs/", StringComparison.OrdinalIgnoreCase):
                await GraphError.WriteAsync(context, state, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
                return;
            case FaultProfile.ConnectionReset or FaultProfile.MalformedPage when unlucky:
                await CorruptAsync(context, next, profile == FaultProfile.ConnectionReset);
                return;
        }

        await next(context);
    }

    /// <summary>Whether this request is faulted: <paramref name="drawn"/>, unless the same request already failed <see cref="MaxFaultsInARow"/> times in a row.</summary>
    private bool Streak(HttpRequest request, bool drawn)
    {
        if (profile is not (FaultProfile.Transient or FaultProfile.ConnectionReset or FaultProfile.MalformedPage))
        {
            return drawn;
        }

        var key = request.Method + " " + request.Path + request.QueryString;
        var faulted = false;
        faultsInARow.AddOrUpdate(key, _ => (faulted = drawn) ? 1 : 0, (_, streak) => (faulted = drawn && streak < MaxFaultsInARow) ? streak + 1 : 0);
        return faulted;
    }

    /// <summary>Lets the endpoint answer into a buffer, then sends half of it: with a reset, or as a 200 whose JSON is cut off.</summary>
    private static async Task CorruptAsync(HttpContext context, RequestDelegate next, bool reset)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        context.Response.Body = original;
        var bytes = buffer.ToArray();
        var half = bytes.AsMemory(0, bytes.Length / 2);
        if (reset)
        {
            context.Response.ContentLength = bytes.Length;
            await original.WriteAsync(half, context.RequestAborted);
            await original.FlushAsync(context.RequestAborted);
            context.Abort();
            return;
        }

        context.Response.ContentLength = half.Length;
        await original.WriteAsync(half, context.RequestAborted);
    }

}
