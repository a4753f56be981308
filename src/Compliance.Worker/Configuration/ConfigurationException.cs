namespace Compliance.Worker.Configuration;

/// <summary>An invalid setting: the CLI prints one line per problem, naming the key, and exits with code 2.</summary>
public sealed class ConfigurationException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public ConfigurationException(string problem)
        : this([problem])
    {
    }
}
