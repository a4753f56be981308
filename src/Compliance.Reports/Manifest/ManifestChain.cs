using System.Security.Cryptography;
using System.Text;

namespace Compliance.Reports;

/// <summary>The hash that links each run's manifest to the previous one, so later tampering is detectable.</summary>
public static class ManifestChain
{
    private const string Version = "compliance-manifest-chain/v1";

    /// <summary>
    /// Computes the chain hash. Formula (v1): lowercase hex of SHA-256 over the UTF-8 bytes of
    /// <code>
    /// "compliance-manifest-chain/v1\n"
    /// + "previous\t" + (lowercase previousChainHash, or "-" when there is none) + "\n"
    /// + for each evidence file, sorted by name then sha256 (ordinal):  "evidence\t" + name + "\t" + lowercase sha256 + "\t" + bytes (invariant decimal) + "\n"
    /// + for each report file, sorted the same way:                      "report\t"   + name + "\t" + lowercase sha256 + "\t" + bytes (invariant decimal) + "\n"
    /// </code>
    /// Sorting makes the result independent of the order in which files were listed; the kind
    /// prefix stops an evidence file from standing in for a report file of the same name.
    /// Names must not contain tab, CR or LF (they would make the text ambiguous).
    /// </summary>
    public static string ComputeChainHash(
        string? previousChainHash,
        IReadOnlyList<EvidenceFileHash> evidence,
        IReadOnlyList<ReportFileHash> reports)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(reports);

        var text = new StringBuilder();
        text.Append(Version).Append('\n');
        text.Append("previous\t").Append(string.IsNullOrEmpty(previousChainHash) ? "-" : Normalise(previousChainHash)).Append('\n');
        foreach (var (name, sha, bytes) in Sorted(evidence.Select(e => (e.Name, e.Sha256, e.Bytes))))
        {
            AppendLine(text, "evidence", name, sha, bytes);
        }

        foreach (var (name, sha, bytes) in Sorted(reports.Select(r => (r.Name, r.Sha256, r.Bytes))))
        {
            AppendLine(text, "report", name, sha, bytes);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The digest of the evidence alone, shown on the PDF cover (the chain hash covers the PDF itself, so
    /// it cannot be printed in it). Formula (v1): lowercase hex of SHA-256 over the UTF-8 bytes of
    /// "compliance-evidence-digest/v1\n" followed by the same "evidence\t…" lines as <see cref="ComputeChainHash"/>.
    /// </summary>
    public static string ComputeEvidenceDigest(IReadOnlyList<EvidenceFileHash> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var text = new StringBuilder();
        text.Append("compliance-evidence-digest/v1\n");
        foreach (var (name, sha, bytes) in Sorted(evidence.Select(e => (e.Name, e.Sha256, e.Bytes))))
        {
            AppendLine(text, "evidence", name, sha, bytes);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static IEnumerable<(string Name, string Sha, long Bytes)> Sorted(IEnumerable<(string Name, string Sha, long Bytes)> files) =>
        files.Select(f => (f.Name, Sha: Normalise(f.Sha), f.Bytes))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ThenBy(f => f.Sha, StringComparer.Ordinal)
            .ThenBy(f => f.Bytes);

    private static void AppendLine(StringBuilder text, string kind, string name, string sha, long bytes)
    {
        if (name.AsSpan().IndexOfAny('\t', '\r', '\n') >= 0)
        {
            throw new ArgumentException($"File name '{name}' contains a tab or line break and cannot be chained.", nameof(name));
        }

        text.Append(kind).Append('\t').Append(name).Append('\t').Append(sha).Append('\t')
            .Append(bytes.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
    }

    // Hex case is presentation, not content: "AB" and "ab" are the same hash.
    private static string Normalise(string hex) => hex.Trim().ToLowerInvariant();
}
