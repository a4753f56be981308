namespace Compliance.Rules.Engine;

/// <summary>Ordered from least to most severe so that comparisons read naturally.</summary>
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
