namespace Compliance.Rules.Opath;

/// <summary>
/// A filter outside the supported OPATH subset (controls.md). Controls that depend on it are reported
/// <i>not evaluated</i> with the filter quoted — never guessed.
/// </summary>
public sealed class OpathSyntaxException(string filter, int position, string problem)
    : Exception($"unsupported or malformed OPATH filter at position {position}: {problem} — filter: \"{filter}\"")
{
    public string Filter { get; } = filter;

    public int Position { get; } = position;

    public string Problem { get; } = problem;
}
