namespace Compliance.Reports.Json;

internal sealed record FindingDto(
    string Fingerprint,
    string RuleId,
    string Severity,
    string Status,
    string ResourceType,
    string ResourceId,
    string ResourceName,
    string? Integration,
    string Detail,
    string Remediation,
    IReadOnlyList<string> Evidence,
    string? Qualifier);
