namespace Compliance.Reports;

/// <summary>
/// manifest.json: what a run saw and published, and the link to the previous run. <see cref="ChainHash"/>
/// is <see cref="ManifestChain.ComputeChainHash"/> over the other fields, so <c>verify</c> can recompute it.
/// </summary>
public sealed record EvidenceManifest(
    string RunId,
    string Tenant,
    string Period,
    IReadOnlyList<EvidenceFileHash> Evidence,
    IReadOnlyList<ReportFileHash> Reports,
    string? PreviousChainHash,
    string ChainHash);
