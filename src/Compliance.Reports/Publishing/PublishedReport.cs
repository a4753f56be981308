namespace Compliance.Reports;

/// <summary>What <see cref="ReportPublisher"/> wrote: the directory, the report files with hashes, and the manifest.</summary>
public sealed record PublishedReport(string Directory, IReadOnlyList<ReportFileHash> Files, EvidenceManifest Manifest);
