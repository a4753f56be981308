namespace Compliance.Collectors.Sources;

/// <summary>Where an activity source's records really begin, as measured from the source, and how that was found.</summary>
internal sealed record LogCoverage(DateTimeOffset Start, string Note);
