namespace Compliance.Reports;

/// <summary>One stored raw evidence file, named relative to the run's evidence root (e.g. "applications/page-0001.json").</summary>
public sealed record EvidenceFileHash(string Name, string Sha256, long Bytes);
