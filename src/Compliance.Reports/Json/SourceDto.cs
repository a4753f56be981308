namespace Compliance.Reports.Json;

internal sealed record SourceDto(string Name, string Status, string? Reason, long Records, int Requests, long DurationMs);
