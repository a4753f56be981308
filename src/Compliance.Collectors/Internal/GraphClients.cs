using Microsoft.Graph;
using Microsoft.Graph.Authentication;

namespace Compliance.Collectors.Internal;

/// <summary>
/// One GraphServiceClient per source: Graph's default middleware (retry on 429 honouring Retry-After) plus raw-page
/// capture, and an auth provider whose allowed hosts include the configured Graph host — without it the SDK sends
/// no bearer token to a non-Graph host such as 127.0.0.1 (libraries-measured.md rows 1a/1c).
/// </summary>
internal static class GraphClients
{
    public static GraphServiceClient Create(TenantConnection connection, SourceContext source)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        handlers.Add(new RawPageCaptureHandler(source));
        var http = GraphClientFactory.Create(handlers, finalHandler: connection.TransportFactory?.Invoke());
        var endpoints = connection.Endpoints;
        var auth = new AzureIdentityAuthenticationProvider(
            connection.Credential, [endpoints.GraphBaseUrl.Host], null, true, [endpoints.GraphScope]);
        return new GraphServiceClient(http, auth, endpoints.GraphBaseUrl.AbsoluteUri.TrimEnd('/'));
    }
}
