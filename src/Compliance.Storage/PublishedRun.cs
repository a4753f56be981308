namespace Compliance.Storage;

/// <summary>A run that published (has a chain hash), as verify needs it.</summary>
public sealed record PublishedRun(
    string Id,
    string Tenant,
    string Period,
    string CompletedAt,
    string? PreviousChainHash,
    string ChainHash,
    string? EvidencePurgedAt);
