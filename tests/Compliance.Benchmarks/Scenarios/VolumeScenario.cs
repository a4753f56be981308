using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Compliance.Benchmarks.Harness;
using Compliance.Rules.Evidence;

namespace Compliance.Benchmarks.Scenarios;

/// <summary>
/// Whether a review's memory stays flat as the activity grows (issue 4, requirement 5: "resident memory stays flat
/// whatever the volume"): the generated tenant of one scale with its background sign-ins and message trace multiplied
/// by each factor (`simulate --activity-scale F`), one whole review per factor (collect → store + evaluate → publish,
/// throttling off) on a fresh database, the simulator in its own process. Each factor runs in a fresh process of this
/// benchmark (`--one F`): a process's peak resident memory (VmHWM) only ever grows, so a second factor in the same
/// process would report the larger of the two, and the runtime keeps heap it once committed.
/// </summary>
internal static class VolumeScenario
{
    private const string SignIns = "sign-ins collected";
    private const string Trace = "message-trace rows collected";
    private const string Findings = "findings";
    private const string ReviewPeak = "peak RSS of the review process (VmHWM)";

    /// <summary>Runs every factor in a child process, then prints them side by side and writes reports/bench/volume.json.</summary>
    public static async Task RunAsync(string scale, int seed, IReadOnlyList<double> factors, string? simulatorDll, string output, CancellationToken ct)
    {
        List<(double Factor, IReadOnlyDictionary<string, Figure> Figures)> measured = [];
        foreach (var factor in factors)
        {
            await RunChildAsync(scale, seed, factor, simulatorDll, ct);
            measured.Add((factor, await ReadAsync(Path.Combine(output, Name(factor) + ".json"), ct)));
        }

        Console.WriteLine();
        Console.WriteLine($"| factor | {SignIns,18} | {"trace rows",10} | {"collect s",9} | {"evaluate s",10} | {"publish s",9} | collect RSS/heap MiB | evaluate RSS/heap MiB | publish RSS/heap MiB | review VmHWM MiB | simulator VmHWM MiB | findings |");
        foreach (var (factor, figure) in measured)
        {
            var f = figure.ToDictionary(x => x.Key, x => x.Value.Median, StringComparer.Ordinal);
            string Phase(string phase) => $"{f[$"{phase}, peak RSS"],9:0} / {f[$"{phase}, peak managed heap"],-6:0}";
            Console.WriteLine($"| {factor,6:0.##} | {f[SignIns],18:N0} | {f[Trace],10:N0} | {f["collect, wall"],9:0.0} | {f["store + evaluate, wall"],10:0.0} | {f["publish, wall"],9:0.0} "
                + $"| {Phase("collect"),20} | {Phase("store + evaluate"),21} | {Phase("publish"),20} | {f[ReviewPeak],16:0} | {f["peak RSS of the simulator process (VmHWM)"],19:0} | {f[Findings],8:0} |");
        }

        List<Figure> figures = [.. measured.SelectMany(m => m.Figures.Values.Select(f => f with { Name = $"×{m.Factor.ToString(CultureInfo.InvariantCulture)}: {f.Name}" }))];
        var (smallest, largest) = (measured.MinBy(m => m.Factor).Figures, measured.MaxBy(m => m.Factor).Figures);
        var growth = largest[ReviewPeak].Median / smallest[ReviewPeak].Median;
        figures.Add(new Figure($"review VmHWM, largest ÷ smallest factor ({largest[SignIns].Median / smallest[SignIns].Median:0.0}× the sign-ins)", "ratio", [growth], "flat: ≤ 1.1", growth <= 1.1));
        await ScenarioReport.WriteAsync("volume", $"one review per activity factor of the generated {scale} tenant, seed {seed}, each factor in its own process, simulator in its own, throttling off", figures, output, ct);
    }

    /// <summary>One review of the tenant with its activity × <paramref name="factor"/>; its figures go to reports/bench/volume-F.json.</summary>
    public static async Task OneAsync(string scale, int seed, double factor, string? simulatorDll, string output, CancellationToken ct)
    {
        await using var review = await ExternalReview.StartAsync(
            simulatorDll, ["--scale", scale, "--seed", seed.ToString(CultureInfo.InvariantCulture), "--activity-scale", factor.ToString(CultureInfo.InvariantCulture)], ct);
        var watch = Stopwatch.StartNew();
        var outcome = await review.RunAsync(null, ct);
        var wall = watch.Elapsed.TotalSeconds;
        var sources = await SourceFigures.ReadAsync(review.Settings.Storage.DatabasePath, outcome.Run.Id, ct);
        var findings = outcome.Evaluation.Findings.Select(t => t.Finding).ToList();
        var (expected, matched, missing, extra) = GeneratedEvidence.Compare(await File.ReadAllTextAsync(Path.Combine(review.Folder, "expected-findings.json"), ct), findings);
        Console.WriteLine($"findings: {findings.Count} produced, {matched} of {expected} expected matched; missing: [{string.Join("; ", missing)}]; extra: [{string.Join("; ", extra)}]");
        Console.WriteLine("sources: " + string.Join(", ", sources.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key} {x.Value.State} {x.Value.Requests} req/{x.Value.Records} rec")));
        var peak = ProcStatus.KiB(Environment.ProcessId, "VmHWM") / 1024.0;
        List<Figure> figures =
        [
            new($"wall time (status {outcome.Run.Status})", "s", [wall], "-", null),
            new(SignIns, "records", [Records(sources, EvidenceSources.SignIns)], "-", null),
            new(Trace, "records", [Records(sources, EvidenceSources.MessageTrace)], "-", null),
            new("requests, all sources", "requests", [sources.Values.Sum(s => s.Requests)], "-", null),
            .. review.Phases.Phases.SelectMany(phase => phase.Figures()),
            new(ReviewPeak, "MiB", [peak], "< 1024", peak < 1024),
            new("peak RSS of the simulator process (VmHWM)", "MiB", [review.SimulatorPeakResidentMiB], "-", null),
            new(Findings, "findings", [findings.Count], "-", null),
            new("expected findings missing", "findings", [missing.Count], $"0 of {expected}", missing.Count == 0),
            new("findings beyond the expected", "findings", [extra.Count], $"0 ({matched} matched)", extra.Count == 0),
        ];
        await ScenarioReport.WriteAsync(Name(factor), $"one review of the generated {scale} tenant, seed {seed}, activity × {factor.ToString(CultureInfo.InvariantCulture)}, simulator in its own process, throttling off, fresh database", figures, output, ct);
    }

    private static string Name(double factor) => "volume-" + factor.ToString(CultureInfo.InvariantCulture);

    /// <summary>A source's records; 0 when the run recorded no such source (its state is printed with the sources).</summary>
    private static long Records(IReadOnlyDictionary<string, SourceFigures> sources, string name) => sources.GetValueOrDefault(name)?.Records ?? 0;

    /// <summary>This benchmark again, as `scenario volume --one F`, sharing this console; a failed factor stops the scenario.</summary>
    private static async Task RunChildAsync(string scale, int seed, double factor, string? simulatorDll, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in (string[])[typeof(VolumeScenario).Assembly.Location, "scenario", "volume", "--one", factor.ToString(CultureInfo.InvariantCulture),
                     "--scale", scale, "--seed", seed.ToString(CultureInfo.InvariantCulture), .. simulatorDll is null ? (string[])[] : ["--simulator", simulatorDll]])
        {
            start.ArgumentList.Add(argument);
        }

        Console.WriteLine($"## activity × {factor.ToString(CultureInfo.InvariantCulture)}: {string.Join(' ', start.ArgumentList)} (load {File.ReadAllText("/proc/loadavg").Trim()})");
        using var child = Process.Start(start) ?? throw new InvalidOperationException("the benchmark process did not start");
        await child.WaitForExitAsync(ct);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"activity × {factor.ToString(CultureInfo.InvariantCulture)} failed (exit {child.ExitCode.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>A factor's figures by name from the JSON its process wrote (ScenarioReport's shape).</summary>
    private static async Task<IReadOnlyDictionary<string, Figure>> ReadAsync(string path, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        return json.RootElement.GetProperty("figures").EnumerateArray().Select(f => new Figure(
                f.GetProperty("name").GetString()!, f.GetProperty("unit").GetString()!, [.. f.GetProperty("runs").EnumerateArray().Select(r => r.GetDouble())],
                f.GetProperty("target").GetString()!, f.GetProperty("met").ValueKind == JsonValueKind.Null ? null : f.GetProperty("met").GetBoolean()))
            .ToDictionary(f => f.Name, StringComparer.Ordinal);
    }
}
