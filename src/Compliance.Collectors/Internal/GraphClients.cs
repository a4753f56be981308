using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using KiotaRetryHandler = Microsoft.Kiota.Http.HttpClientLibrary.Middleware.RetryHandler;

namespace Compliance.Collectors.Internal;

/// <summary>
/// One GraphServiceClient per source: Graph's default middleware with Kiota's retry handler swapped for ours (same
/// Retry-After semantics, but on the run's TimeProvider, counted, and pausing the source's pacer), then pacing and
/// raw-page capture; and an auth provider whose allowed hosts include the configured Graph host — without it the SDK
/// sends no bearer token to a non-Graph host such as 127.0.0.1 (libraries-measured.md rows 1a/1c).
/// </summary>
internal static class GraphClients
{
    public static GraphServiceClient Create(TenantConnection connection, SourceContext source)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retryAt = handlers.ToList().FindIndex(h => h is KiotaRetryHandler);
        if (retryAt >= 0)
        {
            handlers.RemoveAt(retryAt);
        }

        handlers.Insert(retryAt >= 0 ? retryAt : 0, new ThrottleRetryHandler(source));
        // The SDK sets the bearer token before the handlers run; a token rejected as expired is replaced here.
        handlers.Add(new ExpiredTokenHandler(connection.Credential, connection.Endpoints.GraphScope));
        handlers.Add(new PacingHandler(source));
        handlers.Add(new RawPageCaptureHandler(source));
        var http = GraphClientFactory.Create(handlers, finalHandler: connection.TransportFactory?.Invoke());
        var endpoints = connection.Endpoints;
        var auth = new AzureIdentityAuthenticationProvider(
            connection.Credential, [endpoints.GraphBaseUrl.Host], null, true, [endpoints.GraphScope]);
        return new GraphServiceClient(http, auth, endpoints.GraphBaseUrl.AbsoluteUri.TrimEnd('/'));
    }
}
