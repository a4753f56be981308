using Azure.Core;
using Azure.Identity;

namespace Compliance.Collectors.Internal;

/// <summary>Rethrows token failures with the secret removed from every message in the chain.</summary>
internal sealed class RedactingCredential(TokenCredential inner, string secret) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        try
        {
            return inner.GetToken(requestContext, cancellationToken);
        }
        catch (Exception ex) when (Mentions(ex))
        {
            throw Redacted(ex);
        }
    }

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetTokenAsync(requestContext, cancellationToken);
        }
        catch (Exception ex) when (Mentions(ex))
        {
            throw Redacted(ex);
        }
    }

    private bool Mentions(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private AuthenticationFailedException Redacted(Exception ex) =>
        new(ErrorText.Flatten(ex).Replace(secret, "[redacted]", StringComparison.Ordinal));
}
