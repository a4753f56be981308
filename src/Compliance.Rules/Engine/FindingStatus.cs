namespace Compliance.Rules.Engine;

/// <summary>A finding compared with the previous run of the same tenant.</summary>
public enum FindingStatus
{
    New,
    Persisting,
    Reopened,
    Waived,
}
