using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Core;
using Compliance.Collectors;

namespace Compliance.Worker.Alerts;

/// <summary>
/// <c>POST {graph}/users/{sender}/sendMail</c>; success is 202 Accepted with an empty body (m365-apis.md §7). A MIME
/// message goes base64-encoded with Content-Type text/plain, a JSON body (outbox rows from before migration 0006) with
/// application/json (Microsoft Learn, "user: sendMail", Request headers). Plain HttpClient, not the SDK's retry handler:
/// the outbox owns retries, so that every attempt and its outcome is recorded.
/// </summary>
public sealed class GraphMailSender(TenantConnection connection) : IDisposable
{
    private readonly HttpClient http = new(connection.TransportFactory?.Invoke() ?? new SocketsHttpHandler(), disposeHandler: true)
    {
        Timeout = TimeSpan.FromSeconds(100),
    };

    public async Task<SendOutcome> SendAsync(string sender, string payload, string payloadFormat, CancellationToken cancellationToken)
    {
        AccessToken token;
        try
        {
            token = await connection.Credential.GetTokenAsync(new TokenRequestContext([connection.Endpoints.GraphScope]), cancellationToken);
        }
        catch (Azure.Identity.AuthenticationFailedException e)
        {
            // The credential wrapper already redacts secrets; first line only.
            return new SendOutcome(false, true, null, null, $"token request failed: {e.Message.Split('\n', 2)[0]}");
        }

        var url = new Uri($"{connection.Endpoints.GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/users/{Uri.EscapeDataString(sender)}/sendMail");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = Body(payload, payloadFormat),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return new SendOutcome(true, false, status, null, "202 Accepted");
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var detail = $"HTTP {status}: {(body.Length > 300 ? body[..300] : body)}";
            // Graph throttling is 429 with Retry-After; 5xx are transient (m365-apis.md §8).
            var transient = status == 429 || status >= 500;
            return new SendOutcome(false, transient, status, response.Headers.RetryAfter?.Delta, detail);
        }
        catch (HttpRequestException e)
        {
            return new SendOutcome(false, true, null, null, $"transport failure: {e.Message}");
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(false, true, null, null, $"timeout: {e.Message}");
        }
    }

    private static StringContent Body(string payload, string payloadFormat)
    {
        if (payloadFormat == Compliance.Storage.OutboxPayloadFormat.Json)
        {
            return new StringContent(payload, Encoding.UTF8, "application/json");
        }

        // The documented header is exactly "text/plain"; the base64 text is ASCII, so no charset parameter is needed.
        var content = new StringContent(Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)), Encoding.ASCII);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return content;
    }

    public void Dispose() => http.Dispose();
}
