namespace Compliance.Rules.Evidence;

public enum SourceState
{
    Collected,
    Partial,
    NotCollected,
}
