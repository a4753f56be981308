using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Compliance.Reports;

/// <summary>The hash chain of reviewer sign-offs (architecture.md §2 step 6), one chain per tenant.</summary>
public static class AttestationChain
{
    private const string Version = "compliance-attestation-chain/v1";

    /// <summary>
    /// Formula (v1): lowercase hex SHA-256 over the UTF-8 bytes of
    /// <code>
    /// "compliance-attestation-chain/v1\n"
    /// + "previous\t" + (previous attestation's hash, or "-") + "\n"
    /// + "run\t" + runId + "\n"
    /// + "manifest\t" + SHA-256 of manifest.json + "\n"
    /// + for each report file sorted by name (ordinal): "report\t" + name + "\t" + sha256 + "\t" + bytes + "\n"
    /// + "reviewer\t" + reviewer + "\n"
    /// + "statement\t" + SHA-256 of the statement's UTF-8 bytes + "\n"
    /// + "attestedAt\t" + attestedAt in round-trip ("O") format, UTC + "\n"
    /// </code>
    /// The statement is hashed, not embedded, because it is free text that may contain line breaks. The report files are
    /// those the sign-off covers: as published, except the PDF and the workbook, which `attest` rewrites with the
    /// attestation filled in (AttestedPdfWriter, AttestedWorkbookWriter) — their entries are the attested copies' hashes
    /// and sizes.
    /// </summary>
    public static string Compute(
        string? previousHash, string runId, string manifestSha256, IEnumerable<ReportFileHash> reports, string reviewer, string statement, DateTimeOffset attestedAt)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var text = new StringBuilder();
        text.Append(Version).Append('\n');
        text.Append("previous\t").Append(string.IsNullOrEmpty(previousHash) ? "-" : previousHash.Trim().ToLowerInvariant()).Append('\n');
        text.Append("run\t").Append(Single(runId)).Append('\n');
        text.Append("manifest\t").Append(manifestSha256.Trim().ToLowerInvariant()).Append('\n');
        foreach (var report in reports.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            text.Append("report\t").Append(Single(report.Name)).Append('\t').Append(report.Sha256.Trim().ToLowerInvariant()).Append('\t')
                .Append(report.Bytes.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("reviewer\t").Append(Single(reviewer)).Append('\n');
        text.Append("statement\t").Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(statement)))).Append('\n');
        text.Append("attestedAt\t").Append(attestedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Single(string value) =>
        value.AsSpan().IndexOfAny('\t', '\r', '\n') >= 0 ? throw new ArgumentException($"'{value}' contains a tab or line break and cannot be chained.", nameof(value)) : value;
}
