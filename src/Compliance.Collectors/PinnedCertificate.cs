using System.Security.Cryptography;

namespace Compliance.Collectors;

/// <summary>
/// A transport that trusts exactly one server certificate, by SHA-256 thumbprint — for the simulator's
/// self-signed certificate. It never degrades to "accept all": any other certificate fails the TLS handshake.
/// </summary>
public static class PinnedCertificate
{
    public static Func<HttpMessageHandler> Handler(string sha256ThumbprintHex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256ThumbprintHex);
        var expected = Convert.FromHexString(sha256ThumbprintHex.Replace(":", "", StringComparison.Ordinal).Trim());
        if (expected.Length != 32)
        {
            throw new ArgumentException("A SHA-256 thumbprint has 64 hex digits.", nameof(sha256ThumbprintHex));
        }

        return () => new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), expected),
            },
        };
    }
}
