namespace Compliance.Reports;

/// <summary>
/// What the PDF can prove about its own provenance. This run's chain hash cannot be printed in the PDF:
/// it is computed over the PDF's own bytes (ManifestChain), so it only exists after the PDF is written.
/// The cover therefore shows the two inputs that fix it apart from the reports — the previous run's
/// chain hash and the digest of this run's evidence files (<see cref="ManifestChain.ComputeEvidenceDigest"/>).
/// An auditor recomputes both from manifest.json; the chain hash itself is in manifest.json and, once
/// attested, on the attestation page.
/// </summary>
public sealed record EvidenceSeal(string? PreviousChainHash, IReadOnlyList<EvidenceFileHash> Evidence)
{
    public static readonly EvidenceSeal None = new(null, []);

    public string EvidenceDigest { get; } = ManifestChain.ComputeEvidenceDigest(Evidence);
}
