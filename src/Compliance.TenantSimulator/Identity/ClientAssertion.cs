using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Compliance.TenantSimulator.Identity;

/// <summary>
/// The JWT a certificate credential sends as client_assertion (Microsoft identity platform "certificate credentials":
/// iss and sub are the client id, signed RS256 or PS256 with the key of a certificate on the app registration).
/// </summary>
internal static class ClientAssertion
{
    /// <summary>
    /// True when iss and sub name <paramref name="clientId"/> and, if <paramref name="registered"/> is given, the
    /// signature verifies with its public key. Without a registered certificate any well-formed assertion is accepted.
    /// </summary>
    public static bool IsValid(string assertion, string clientId, X509Certificate2? registered)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url(parts[0]));
            using var payload = JsonDocument.Parse(Base64Url(parts[1]));
            var claims = payload.RootElement;
            var names = claims.TryGetProperty("iss", out var iss) && claims.TryGetProperty("sub", out var sub)
                && string.Equals(iss.GetString(), clientId, StringComparison.OrdinalIgnoreCase)
                && string.Equals(sub.GetString(), clientId, StringComparison.OrdinalIgnoreCase);
            return names && (registered is null || SignedBy(header.RootElement, parts, registered));
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool SignedBy(JsonElement header, string[] parts, X509Certificate2 registered)
    {
        var padding = header.TryGetProperty("alg", out var alg) ? alg.GetString() switch
        {
            "RS256" => RSASignaturePadding.Pkcs1,
            "PS256" => RSASignaturePadding.Pss,
            _ => null,
        } : null;
        using var key = registered.GetRSAPublicKey();
        return padding is not null && key is not null
            && key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url(parts[2]), HashAlgorithmName.SHA256, padding);
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
