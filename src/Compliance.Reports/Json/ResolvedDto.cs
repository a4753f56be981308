namespace Compliance.Reports.Json;

/// <summary>A finding open in the previous run and gone now (schema 1, additive).</summary>
internal sealed record ResolvedDto(
    string Fingerprint,
    string RuleId,
    string Severity,
    string ResourceType,
    string ResourceId,
    string ResourceName,
    string? Integration,
    string? Qualifier);
