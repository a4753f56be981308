namespace Compliance.Worker.Configuration;

/// <summary>
/// Thumbprints as people paste them: the Windows certificate manager shows spaces (and copies an invisible U+200E
/// left-to-right mark in front), some tools colons.
/// </summary>
internal static class Thumbprints
{
    public static string Normalise(string thumbprint) =>
        string.Concat(thumbprint.Where(c => c is not (' ' or ':' or '\u200e'))).ToUpperInvariant();
}
