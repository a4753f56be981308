namespace Compliance.TenantSimulator.Generation;

/// <summary>Severities as findings.json spells them.</summary>
internal static class Severity
{
    public const string Critical = "critical";
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";
}
