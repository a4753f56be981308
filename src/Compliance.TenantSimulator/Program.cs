using System.CommandLine;
using Compliance.TenantSimulator.CommandLine;

// The simulator on its own (`dotnet run --project src/Compliance.TenantSimulator -- --urls http://127.0.0.1:5080 --scale small`):
// the same options as `compliance simulate`, without the rest of the service.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var simulate = SimulateCommandLine.Create("simulate", Console.Out, TimeProvider.System);
var root = new RootCommand(simulate.Description ?? "Tenant simulator");
foreach (var option in simulate.Options)
{
    root.Options.Add(option);
}

foreach (var validator in simulate.Validators)
{
    root.Validators.Add(validator);
}

root.Action = simulate.Action;
return await root.Parse(args).InvokeAsync(cancellationToken: cancellation.Token);
