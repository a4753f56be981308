using System.Net;
using System.Net.Http.Headers;
using Azure.Core;

namespace Compliance.Collectors.Internal;

/// <summary>
/// A token can be rejected as expired before its own expiry (revocation, clock skew, a tenant-side reset): the
/// credential's cache would hand the same token back for the rest of the run and every source would fail as
/// "unauthorized — grant the permission", which is wrong advice. On a 401 that says the token expired, this asks for
/// a new token past the cache (a claims challenge makes MSAL skip it, as for a CAE challenge) and sends the request
/// once more; any other 401 is the caller's to explain.
/// </summary>
internal sealed class ExpiredTokenHandler(TokenCredential credential, string scope) : DelegatingHandler
{
    // The shape of a CAE claims challenge; its only effect here is that MSAL fetches instead of reading its cache.
    private const string BypassCacheClaims = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"0\"}}}";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !await SaysExpiredAsync(response, cancellationToken))
        {
            return response;
        }

        response.Dispose();
        var token = await credential.GetTokenAsync(new TokenRequestContext([scope], claims: BypassCacheClaims), cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return await base.SendAsync(request, cancellationToken);
    }

    private static async Task<bool> SaysExpiredAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Headers.WwwAuthenticate.Any(h => h.Parameter?.Contains("expired", StringComparison.OrdinalIgnoreCase) == true))
        {
            return true;
        }

        // Buffered, so a caller that gets this response back can still read the body.
        await response.Content.LoadIntoBufferAsync(ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return body.Contains("token is expired", StringComparison.OrdinalIgnoreCase) || body.Contains("TokenExpired", StringComparison.OrdinalIgnoreCase);
    }
}
