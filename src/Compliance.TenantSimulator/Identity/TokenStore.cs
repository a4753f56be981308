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

    private readonly ConcurrentDictionary<string, bool> expired = new(StringComparer.Ordinal);

    public TokenAudience? AudienceOf(string token) => tokens.TryGetValue(token, out var audience) ? audience : null;

    public bool IsExpired(string token) => expired.ContainsKey(token);

    /// <summary>The token-expiry fault: every token issued so far stops working; new ones are fine.</summary>
    public void ExpireAll()
    {
        foreach (var token in tokens.Keys)
        {
            expired[token] = true;
        }
    }
}
