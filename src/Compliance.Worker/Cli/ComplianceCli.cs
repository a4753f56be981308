using System.CommandLine;

namespace Compliance.Worker.Cli;

/// <summary>The `compliance` command line (contract.md "Command line").</summary>
public static class ComplianceCli
{
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var config = new Option<string?>("--config") { Description = "Path of appsettings.json (default: the one beside the executable)", Recursive = true };
        var verbose = new Option<bool>("--verbose") { Description = "Show stack traces on failure", Recursive = true };
        var context = new CliContext(output, error, time, config, verbose);
        var root = new RootCommand("Compliance: proves that apps sending mail through Microsoft Graph follow the runbook")
        {
            config, verbose,
            ReviewCommand.Create(context),
            CatalogCommand.Create(context),
            ExceptionsCommand.Create(context),
            AttestCommand.Create(context),
            VerifyCommand.Create(context),
            WorkerCommand.Create(context),
            ScheduleCommand.Create(context),
            AlertsCommand.Create(context),
            PurgeCommand.Create(context),
            DoctorCommand.Create(context),
        };
        // SIGTERM/Ctrl+C cancel the token; the worker then gets up to 10 s to let running jobs finish before the process is ended.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
