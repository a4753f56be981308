using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Compliance.TenantSimulator.Identity;

/// <summary>Opaque tokens we issued and the audience each was issued for.</summary>
internal sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, TokenAudience> tokens = new(StringComparer.Ordinal);

    public string Issue(TokenAudience audience)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        tokens[token] = audience;
        return token;
    }

    public TokenAudience? AudienceOf(string token) => tokens.TryGetValue(token, out var audience) ? audience : null;
}
