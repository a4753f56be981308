using Azure.Core;
using Azure.Identity;

namespace Compliance.Collectors.Tests;

/// <summary>Fails token requests for one scope only, to show that one source's failure leaves the others alone.</summary>
internal sealed class ScopeFailingCredential(TokenCredential inner, string failingScope) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        requestContext.Scopes.Contains(failingScope) ? throw new AuthenticationFailedException("AADSTS500011: resource principal not found (test)") : inner.GetToken(requestContext, cancellationToken);

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        requestContext.Scopes.Contains(failingScope) ? throw new AuthenticationFailedException("AADSTS500011: resource principal not found (test)") : inner.GetTokenAsync(requestContext, cancellationToken);
}
