namespace Compliance.Storage;

/// <summary>A source a run did not (fully) collect, with the collector's reason.</summary>
public sealed record FailedSourceRow(string Name, string State, string? Reason);
