using System.Security.Cryptography;
using System.Text.Json;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Internal;

/// <summary>
/// Innermost handler of every collector pipeline: counts each HTTP attempt and hands each successful response
/// body, with its SHA-256, to the raw evidence sink before anyone parses it. Headers (and so tokens) are not kept.
/// A JSON body that does not parse is not kept either: it is a broken transfer, and the retry handler fetches the
/// page again, so the stored evidence is the same as on a clean run.
/// </summary>
internal sealed class RawPageCaptureHandler(SourceContext source) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        source.CountRequest();
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return response;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (IsJson(response) && !IsWellFormed(body))
        {
            response.Dispose();
            throw new MalformedPageException($"{source.Name}: HTTP {(int)response.StatusCode} body is not well-formed JSON ({body.Length} bytes)");
        }

        var replacement = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content.Dispose();
        response.Content = replacement;
        if (body.Length == 0)
        {
            // 202/204 acknowledgements carry nothing to keep.
            return response;
        }

        source.CountPage();
        var page = new RawPage(
            source.Name,
            source.NextSequence(),
            request.Method.Method,
            SafeUri(request.RequestUri),
            (int)response.StatusCode,
            Convert.ToHexStringLower(SHA256.HashData(body)),
            body,
            source.Time.GetUtcNow());
        await source.Sink.WriteAsync(page, cancellationToken);
        return response;
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsWellFormed(byte[] body)
    {
        if (body.Length == 0)
        {
            return true;
        }

        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Scheme, host, path and query only: never user info.</summary>
    private static string SafeUri(Uri? uri) =>
        uri is null ? "" : uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
}
