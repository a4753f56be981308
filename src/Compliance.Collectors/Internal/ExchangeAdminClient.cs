using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;

namespace Compliance.Collectors.Internal;

/// <summary>
/// The EXO module's REST proxy InvokeCommand (m365-apis.md §5.3 Option B): POST with the system-mailbox anchor and
/// Prefer: odata.maxpagesize=1000, re-POST the same body to @odata.nextLink, own retry on 429/503/504 honouring
/// Retry-After (at most 3 retries).
/// </summary>
internal sealed class ExchangeAdminClient(TenantConnection connection, SourceContext source) : IDisposable
{
    private const int MaxRetries = 3;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    private readonly HttpClient http = new(new RawPageCaptureHandler(source) { InnerHandler = connection.TransportFactory?.Invoke() ?? new SocketsHttpHandler() });

    public async Task<List<JsonElement>> InvokeAsync(string cmdlet, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new { CmdletInput = new { CmdletName = cmdlet, Parameters = new Dictionary<string, object>() } });
        var rows = new List<JsonElement>();
        var url = new Uri(connection.Endpoints.ExchangeAdminBaseUrl, $"adminapi/beta/{Uri.EscapeDataString(connection.TenantId)}/InvokeCommand");
        while (true)
        {
            using var doc = await PostWithRetryAsync(url, body, cmdlet, ct);
            if (doc.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
            {
                rows.AddRange(value.EnumerateArray().Select(v => v.Clone()));
            }
            else
            {
                throw new ExchangeAdminException($"{cmdlet}: the Exchange admin API answered without a \"value\" array.");
            }

            if (!doc.RootElement.TryGetProperty("@odata.nextLink", out var next) || next.GetString() is not { Length: > 0 } nextLink)
            {
                return rows;
            }

            url = new Uri(nextLink);
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonDocument> PostWithRetryAsync(Uri url, string body, string cmdlet, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await connection.Credential.GetTokenAsync(new TokenRequestContext([connection.Endpoints.ExchangeScope]), ct);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            request.Headers.TryAddWithoutValidation("X-AnchorMailbox", $"APP:SystemMailbox{{bb558c35-97f1-4cb9-8ff7-d53741dc928c}}@{connection.TenantId}");
            request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=1000");
            request.Headers.TryAddWithoutValidation("X-CmdletName", cmdlet);
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return JsonDocument.Parse(text);
                }
                catch (JsonException e)
                {
                    throw new ExchangeAdminException($"{cmdlet}: the Exchange admin API answered with a body that is not JSON ({e.Message}).", e);
                }
            }

            var status = (int)response.StatusCode;
            if (status is 429 or 503 or 504 && attempt < MaxRetries)
            {
                await Task.Delay(RetryDelay(response, attempt), source.Time, ct);
                continue;
            }

            var detail = ErrorDetail(text);
            throw new ExchangeAdminException(status switch
            {
                429 or 503 or 504 => $"retries exhausted: {cmdlet} still answered HTTP {status} after {MaxRetries} retries{detail}",
                401 => $"unauthorized, HTTP 401 from the Exchange admin API (needs Exchange.ManageAsApp){detail}",
                403 => $"missing permission: HTTP 403 from the Exchange admin API (needs Exchange.ManageAsApp plus a directory or Exchange role){detail}",
                404 => $"not found, HTTP 404 from the Exchange admin API{detail}",
                _ => $"HTTP {status} from the Exchange admin API for {cmdlet}{detail}",
            });
        }
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        var delay = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - source.Time.GetUtcNow() : TimeSpan.FromSeconds(Math.Pow(2, attempt)));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    /// <summary>error.message is usually the generic "Invalid Operation"; details[0].message has the useful text (m365-apis.md §5.3).</summary>
    private static string ErrorDetail(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("error", out var error))
            {
                var message = error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array && details.GetArrayLength() > 0
                    && details[0].TryGetProperty("message", out var d) ? d.GetString()
                    : error.TryGetProperty("message", out var m) ? m.GetString() : null;
                return message is null ? "" : $": {message}";
            }
        }
        catch (JsonException)
        {
            // A 403 may come with a non-JSON body (m365-apis.md §5.3); the status says enough.
        }

        return "";
    }
}
