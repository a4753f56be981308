using Compliance.Worker.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await ComplianceCli.InvokeAsync(args, Console.Out, Console.Error, TimeProvider.System, cancellation.Token);
