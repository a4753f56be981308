using System.Net.Http.Headers;
using Azure.Core;

namespace Compliance.Collectors.Internal;

/// <summary>
/// Adds the app-only bearer token for one scope to each attempt of a plain-HTTP client (beta Graph, Exchange admin
/// API, Log Analytics). Sits inside the retry handler so a retry after a long Retry-After gets a current token.
/// </summary>
internal sealed class BearerTokenHandler(TokenCredential credential, string scope) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return await base.SendAsync(request, cancellationToken);
    }
}
