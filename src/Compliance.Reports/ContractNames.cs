using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Review;

namespace Compliance.Reports;

/// <summary>
/// The enum spellings of contract.md. Written out instead of derived from the enum names so that
/// renaming a C# member can never silently change the machine interface.
/// </summary>
internal static class ContractNames
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static string Of(ControlOutcome outcome) => outcome switch
    {
        ControlOutcome.Pass => "pass",
        ControlOutcome.Fail => "fail",
        ControlOutcome.Waived => "waived",
        ControlOutcome.NotEvaluated => "notEvaluated",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string Of(FindingStatus status) => status switch
    {
        FindingStatus.New => "new",
        FindingStatus.Persisting => "persisting",
        FindingStatus.Reopened => "reopened",
        FindingStatus.Waived => "waived",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(SourceState state) => state switch
    {
        SourceState.Collected => "collected",
        SourceState.Partial => "partial",
        SourceState.NotCollected => "notCollected",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Of(RunStatus status) => status switch
    {
        RunStatus.Completed => "completed",
        RunStatus.Partial => "partial",
        RunStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(CredentialType type) => type switch
    {
        CredentialType.Secret => "secret",
        CredentialType.Certificate => "certificate",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Of(CredentialHolder holder) => holder switch
    {
        CredentialHolder.Application => "application",
        CredentialHolder.ServicePrincipal => "servicePrincipal",
        _ => throw new ArgumentOutOfRangeException(nameof(holder), holder, null),
    };
}
