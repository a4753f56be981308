namespace Compliance.Collectors.Internal;

/// <summary>
/// The plain-HTTP pipeline of a source (no SDK): retry (Retry-After) → fresh token after an expired-token 401 → bearer token → pacing → raw-page capture →
/// transport. Every attempt is paced and counted; every successful page is kept before anyone parses it.
/// </summary>
internal static class SourceHttp
{
    public static HttpClient Create(TenantConnection connection, SourceContext source, string scope)
    {
        var transport = connection.TransportFactory?.Invoke() ?? new SocketsHttpHandler();
        var capture = new RawPageCaptureHandler(source) { InnerHandler = transport };
        var pacing = new PacingHandler(source) { InnerHandler = capture };
        var auth = new BearerTokenHandler(connection.Credential, scope) { InnerHandler = pacing };
        var refresh = new ExpiredTokenHandler(connection.Credential, scope) { InnerHandler = auth };
        var retry = new ThrottleRetryHandler(source) { InnerHandler = refresh };
        // The source's own retry and pacing decide how long to wait; HttpClient's 100 s default would cut a Log
        // Analytics query that may run up to 10 min (m365-apis.md §1.4).
        return new HttpClient(retry) { Timeout = TimeSpan.FromMinutes(11) };
    }
}
