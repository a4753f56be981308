namespace Compliance.Storage;

/// <summary>A finding of a run as an alert shows it.</summary>
public sealed record AlertFindingRow(
    string Fingerprint, string RuleId, string Severity, string Status, string ResourceName, string? Integration, string Detail, string Remediation);
