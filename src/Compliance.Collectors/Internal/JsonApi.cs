using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Compliance.Collectors.Wire;

namespace Compliance.Collectors.Internal;

/// <summary>
/// JSON over a source's plain-HTTP pipeline (SourceHttp): the answer is deserialised straight from the response
/// stream with a source-generated type; a non-success answer becomes an ApiCallException carrying Graph's error
/// code and message, which FailureReason turns into the admin-readable reason.
/// </summary>
internal sealed class JsonApi(HttpClient http, string api)
{
    public Task<T> GetAsync<T>(Uri url, JsonTypeInfo<T> type, CancellationToken ct, params (string Name, string Value)[] headers) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, url), type, headers, ct);

    public Task<T> PostAsync<T>(Uri url, string jsonBody, JsonTypeInfo<T> type, CancellationToken ct, params (string Name, string Value)[] headers) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(jsonBody, Encoding.UTF8, "application/json") }, type, headers, ct);

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, (string Name, string Value)[] headers, CancellationToken ct)
    {
        using (request)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                var error = TryReadError(text);
                throw new ApiCallException(api, (int)response.StatusCode, error?.Code, error?.Message ?? Shorten(text));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync(stream, type, ct)
                ?? throw new MalformedPageException($"{api}: HTTP {(int)response.StatusCode} with an empty JSON body");
        }
    }

    private static GraphErrorDetail? TryReadError(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, WireJson.Default.GraphErrorBody)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Shorten(string text) => text.Length == 0 ? null : text.Length <= 200 ? text : text[..200] + "…";
}
