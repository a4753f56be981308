namespace Compliance.Rules.Evidence;

/// <summary>A contiguous time range an activity source has read completely.</summary>
public sealed record CoveredRange(DateTimeOffset From, DateTimeOffset To);
