using System.Security.Cryptography;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Internal;

/// <summary>
/// Innermost handler of every collector pipeline: counts each HTTP attempt and hands each successful response
/// body, with its SHA-256, to the raw evidence sink before the SDK parses it. Headers (and so tokens) are not kept.
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
        var replacement = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content.Dispose();
        response.Content = replacement;
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

    /// <summary>Scheme, host, path and query only: never user info.</summary>
    private static string SafeUri(Uri? uri) =>
        uri is null ? "" : uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
}
