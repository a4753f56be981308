namespace Compliance.Rules.Review;

/// <summary>completed = every source collected; partial = some not collected; failed = the run could not finish.</summary>
public enum RunStatus
{
    Completed,
    Partial,
    Failed,
}
