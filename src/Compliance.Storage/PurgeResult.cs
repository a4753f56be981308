namespace Compliance.Storage;

/// <summary>What a retention purge removed.</summary>
public sealed record PurgeResult(int Runs, long EvidencePages, long EvidenceRows);
