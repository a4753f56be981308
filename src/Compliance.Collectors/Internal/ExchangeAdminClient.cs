using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Compliance.Collectors.Internal;

/// <summary>
/// The EXO module's REST proxy InvokeCommand (m365-apis.md §5.3 Option B): POST with the system-mailbox anchor and
/// Prefer: odata.maxpagesize=1000, re-POST the same body to @odata.nextLink. Retries, Retry-After and the token come
/// from the source's pipeline (SourceHttp).
/// </summary>
internal sealed class ExchangeAdminClient(TenantConnection connection, SourceContext source) : IDisposable
{
    private readonly HttpClient http = SourceHttp.Create(connection, source, connection.Endpoints.ExchangeScope);

    public async Task<List<JsonElement>> InvokeAsync(string cmdlet, CancellationToken ct) =>
        await InvokeAsync(cmdlet, new Dictionary<string, object>(), ct);

    public async Task<List<JsonElement>> InvokeAsync(string cmdlet, IReadOnlyDictionary<string, object> parameters, CancellationToken ct)
    {
        var rows = new List<JsonElement>();
        await foreach (var row in StreamAsync(cmdlet, parameters, ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Rows one page at a time: a large Get-Mailbox never sits in memory as a whole.</summary>
    public async IAsyncEnumerable<JsonElement> StreamAsync(string cmdlet, IReadOnlyDictionary<string, object> parameters, [EnumeratorCancellation] CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new { CmdletInput = new { CmdletName = cmdlet, Parameters = parameters } });
        var url = new Uri(connection.Endpoints.ExchangeAdminBaseUrl, $"adminapi/beta/{Uri.EscapeDataString(connection.TenantId)}/InvokeCommand");
        while (true)
        {
            using var doc = await PostAsync(url, body, cmdlet, ct);
            if (!doc.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new ExchangeAdminException($"{cmdlet}: the Exchange admin API answered without a \"value\" array.");
            }

            foreach (var row in value.EnumerateArray())
            {
                yield return row.Clone();
            }

            if (!doc.RootElement.TryGetProperty("@odata.nextLink", out var next) || next.GetString() is not { Length: > 0 } nextLink)
            {
                yield break;
            }

            url = new Uri(nextLink);
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonDocument> PostAsync(Uri url, string body, string cmdlet, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
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
        var detail = ErrorDetail(text);
        throw new ExchangeAdminException(status switch
        {
            429 or 503 or 504 => $"throttled out: {cmdlet} still answered HTTP {status} after {source.Retry.MaxRetries} retries{detail}",
            401 => $"unauthorized, HTTP 401 from the Exchange admin API{detail}. {PermissionGuide.ExchangeManageAsApp}",
            403 => $"missing permission: HTTP 403 from the Exchange admin API{detail}. {PermissionGuide.ExchangeRole}",
            404 => $"not found, HTTP 404 from the Exchange admin API for {cmdlet}{detail}",
            _ => $"HTTP {status} from the Exchange admin API for {cmdlet}{detail}",
        });
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
