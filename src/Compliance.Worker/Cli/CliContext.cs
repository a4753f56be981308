using System.CommandLine;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;

namespace Compliance.Worker.Cli;

/// <summary>
/// What every command shares: output writers, the clock, and one place that turns configuration errors into
/// exit code 2 with one line per problem and failures into exit code 1 (stack trace only with --verbose).
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, TimeProvider time, Option<string?> config, Option<bool> verbose)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider Time { get; } = time;

    public async Task<int> RunAsync(ParseResult parse, Func<ComplianceSettings, RunLog, Task<int>> action)
    {
        try
        {
            var settings = SettingsLoader.Load(parse.GetValue(config));
            return await action(settings, new RunLog(Error, Time));
        }
        catch (ConfigurationException e)
        {
            foreach (var problem in e.Problems)
            {
                Error.WriteLine($"configuration error: {problem}");
            }

            return ExitCodes.ConfigurationError;
        }
        catch (OperationCanceledException)
        {
            Error.WriteLine("cancelled");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (!parse.GetValue(verbose))
        {
            Error.WriteLine($"error: {e.GetType().Name}: {e.Message.Split('\n', 2)[0]} (run with --verbose for details)");
            return ExitCodes.Failed;
        }
    }
}
