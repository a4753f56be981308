namespace Compliance.Worker.Configuration;

/// <summary>Thumbprints as people paste them: the certificate manager shows spaces, some tools colons.</summary>
internal static class Thumbprints
{
    public static string Normalise(string thumbprint) =>
        string.Concat(thumbprint.Where(c => c is not (' ' or ':' or '\u200e'))).ToUpperInvariant();
}
