namespace Compliance.Rules.Engine;

public enum ControlOutcome
{
    Pass,
    Fail,
    Waived,
    NotEvaluated,
}
