using System.CommandLine;
using Compliance.Storage;
using Compliance.Worker.Attestation;
using Compliance.Worker.Review;

namespace Compliance.Worker.Cli;

/// <summary>`verify [--run ID]` (contract.md): recompute evidence, report, manifest and chain hashes; exit 4 naming what changed.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Option<string?>("--run") { Description = "Verify one run (default: every published run)" };
        var command = new Command("verify", "Recompute stored evidence page hashes, report file hashes, manifests and both hash chains") { run };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (settings, _) =>
        {
            var database = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, cancellationToken);
            var result = await new RunVerifier(database, settings.Reports.OutputRoot).VerifyAsync(parse.GetValue(run), cancellationToken);
            foreach (var check in result.Checks)
            {
                context.Out.WriteLine($"ok       {check}");
            }

            foreach (var problem in result.Problems)
            {
                context.Out.WriteLine($"CHANGED  {problem}");
            }

            context.Out.WriteLine(result.Passed ? "verify: passed" : $"verify: FAILED ({result.Problems.Count} problem(s))");
            return result.Passed ? ExitCodes.Completed : ExitCodes.VerificationFailed;
        }));
        return command;
    }
}
