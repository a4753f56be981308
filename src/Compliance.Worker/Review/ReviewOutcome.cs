using Compliance.Reports;
using Compliance.Rules.Engine;
using Compliance.Rules.Review;

namespace Compliance.Worker.Review;

/// <summary>The result of a completed review, with the exit code contract.md gives it.</summary>
public sealed record ReviewOutcome(RunInfo Run, EvaluationResult Evaluation, PublishedReport Report)
{
    public int ExitCode => Run.Status == RunStatus.Completed ? ExitCodes.Completed : ExitCodes.Incomplete;
}
