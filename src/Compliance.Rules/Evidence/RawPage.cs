namespace Compliance.Rules.Evidence;

/// <summary>
/// One response page exactly as the API returned it, kept as evidence. <see cref="RequestUri"/> never
/// carries credentials (tokens travel in headers, which are not kept).
/// </summary>
public sealed record RawPage(
    string Source,
    int Sequence,
    string Method,
    string RequestUri,
    int StatusCode,
    string Sha256,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset FetchedAt);
