using System.CommandLine;
using Compliance.TenantSimulator.CommandLine;

namespace Compliance.Worker.Cli;

/// <summary>
/// `simulate --urls http://127.0.0.1:PORT [--tenant FILE | --scale small|large] [--seed N] [--faults PROFILE]` (contract.md):
/// the tenant simulator in the foreground. Its options live with the simulator so its own executable takes the same ones.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context) => SimulateCommandLine.Create("simulate", context.Out, context.Time);
}
