namespace Compliance.Reports.Json;

internal sealed record ControlDto(
    string Id,
    string Title,
    string Severity,
    string Outcome,
    int Population,
    int Failures,
    string? Reason);
