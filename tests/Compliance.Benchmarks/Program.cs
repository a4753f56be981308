using System.Globalization;
using BenchmarkDotNet.Running;
using Compliance.Benchmarks.Harness;
using Compliance.Benchmarks.Scenarios;

// Usage (from the repository root, Release build):
//   dotnet run -c Release --project tests/Compliance.Benchmarks -- micro [BenchmarkDotNet arguments, e.g. --filter '*']
//   dotnet run -c Release --project tests/Compliance.Benchmarks -- scenario NAME [--runs N] [--scale S] [--sign-ins N] [--seed N]
//     review, directory: [--simulator DLL] runs that build of the simulator in its own process (default: this repository's)
//     directory only: [--filler-apps N] the demo tenant plus N filler apps instead of the generated large tenant
//     throttled only: [--tenant large] collects the generated large tenant of --seed (TimeScale --scale, default 0.1 there)
//     volume only: [--scale small|large] (default small) [--activity 50,200,800] one review per activity factor
//       (simulate --activity-scale), each in a fresh process of this benchmark (`--one F` runs one factor)
//     NAME: inventory | directory | throttled | ingest | evaluate | review | volume | reports-xlsx | reports-pdf | reports-large
// Scenario tables are printed and written as JSON under reports/bench/.
if (args.Length == 0 || args[0] is not ("micro" or "scenario"))
{
    Console.Error.WriteLine("usage: micro [BenchmarkDotNet args] | scenario inventory|directory|throttled|ingest|evaluate|review|volume|reports-xlsx|reports-pdf|reports-large [--runs N] [--scale S] [--sign-ins N] [--seed N] [--tenant large] [--simulator DLL] [--filler-apps N] [--activity F,F,…] [--one F]");
    return 2;
}

if (args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(Compliance.Benchmarks.Micro.HotPathBenchmarks).Assembly).Run(args[1..]);
    return 0;
}

string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
var runs = int.Parse(Option("--runs", "3"), CultureInfo.InvariantCulture);
var output = Path.Combine(RepoRoot.Path, "reports", "bench");
var ct = CancellationToken.None;
Console.WriteLine($"machine: {Machine.Current}");
switch (args.Length > 1 ? args[1] : "")
{
    case "inventory":
        await InventoryScenario.RunAsync(runs, output, ct);
        break;
    case "directory":
        await DirectoryScenario.RunAsync(
            int.Parse(Option("--seed", "1"), CultureInfo.InvariantCulture),
            Array.IndexOf(args, "--filler-apps") >= 0 ? int.Parse(Option("--filler-apps", ""), CultureInfo.InvariantCulture) : null,
            Array.IndexOf(args, "--simulator") >= 0 ? Option("--simulator", "") : null, output, ct);
        break;
    case "throttled":
        // The large tenant's floor is ≈ 7,150 s × TimeScale (message trace: 2,384 requests beyond the burst at 100 per 5 min);
        // its collection needs ≈ 300 s of CPU, so 0.1 (floor 715 s) leaves room on 2 shared cores where 0.05 (358 s) did not.
        var throttledTenant = Array.IndexOf(args, "--tenant") >= 0 ? Option("--tenant", "") : null;
        await ThrottledScenario.RunAsync(
            runs, double.Parse(Option("--scale", throttledTenant is null ? "0.25" : "0.1"), CultureInfo.InvariantCulture), throttledTenant,
            int.Parse(Option("--seed", "1"), CultureInfo.InvariantCulture), output, ct);
        break;
    case "ingest":
        await IngestScenario.RunAsync(runs, int.Parse(Option("--sign-ins", "1000000"), CultureInfo.InvariantCulture), output, ct);
        break;
    case "evaluate":
        await LargeTenantScenarios.EvaluateAsync(runs, int.Parse(Option("--seed", "1"), CultureInfo.InvariantCulture), output, ct);
        break;
    case "review":
        await LargeTenantScenarios.ReviewAsync(int.Parse(Option("--seed", "1"), CultureInfo.InvariantCulture), Array.IndexOf(args, "--simulator") >= 0 ? Option("--simulator", "") : null, output, ct);
        break;
    case "volume":
        var volumeSeed = int.Parse(Option("--seed", "1"), CultureInfo.InvariantCulture);
        var volumeSimulator = Array.IndexOf(args, "--simulator") >= 0 ? Option("--simulator", "") : null;
        if (Array.IndexOf(args, "--one") >= 0)
        {
            await VolumeScenario.OneAsync(Option("--scale", "small"), volumeSeed, double.Parse(Option("--one", ""), CultureInfo.InvariantCulture), volumeSimulator, output, ct);
        }
        else
        {
            var factors = Option("--activity", "50,200,800").Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToList();
            await VolumeScenario.RunAsync(Option("--scale", "small"), volumeSeed, factors, volumeSimulator, output, ct);
        }

        break;
    case "reports-xlsx":
        await ReportsScenario.RunAsync("xlsx", runs, output, ct);
        break;
    case "reports-pdf":
        await ReportsScenario.RunAsync("pdf", runs, output, ct);
        break;
    case "reports-large":
        await LargeReportsScenario.RunAsync(int.Parse(Option("--seed", "1"), CultureInfo.InvariantCulture), output, ct);
        break;
    default:
        Console.Error.WriteLine($"unknown scenario '{(args.Length > 1 ? args[1] : "")}'");
        return 2;
}

return 0;
