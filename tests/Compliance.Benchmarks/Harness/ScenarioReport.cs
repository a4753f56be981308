using System.Globalization;
using System.Text.Json;

namespace Compliance.Benchmarks.Harness;

/// <summary>Prints a scenario's table and writes it as JSON under reports/bench/ (the file the README's commands leave behind).</summary>
internal static class ScenarioReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task WriteAsync(string scenario, string description, IReadOnlyList<Figure> figures, string outputDirectory, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"## {scenario}: {description}");
        Console.WriteLine($"machine: {Machine.Current}");
        Console.WriteLine($"| {"figure",-58} | {"median",14} | {"unit",-10} | {"runs",-40} | {"target",-22} | met |");
        Console.WriteLine($"|{new string('-', 60)}|{new string('-', 16)}|{new string('-', 12)}|{new string('-', 42)}|{new string('-', 24)}|-----|");
        foreach (var f in figures)
        {
            var runs = string.Join(" ", f.Runs.Select(Format));
            Console.WriteLine($"| {f.Name,-58} | {Format(f.Median),14} | {f.Unit,-10} | {Shorten(runs, 40),-40} | {f.Target,-22} | {(f.Met is null ? "-" : f.Met.Value ? "yes" : "NO"),-3} |");
        }

        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, scenario + ".json");
        var document = new
        {
            scenario,
            description,
            measuredAt = DateTimeOffset.UtcNow,
            machine = Machine.Current,
            figures = figures.Select(f => new { f.Name, f.Unit, median = f.Median, f.Runs, f.Target, f.Met }),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json), ct);
        Console.WriteLine($"written: {path}");
    }

    public static string Format(double value) =>
        double.IsNaN(value) ? "n/a" : Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
