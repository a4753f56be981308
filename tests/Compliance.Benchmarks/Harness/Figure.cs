namespace Compliance.Benchmarks.Harness;

/// <summary>One measured figure: the median of its runs, every run kept, and the target it is judged by.</summary>
internal sealed record Figure(string Name, string Unit, IReadOnlyList<double> Runs, string Target, bool? Met)
{
    public double Median
    {
        get
        {
            var sorted = Runs.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public static double MedianOf(IEnumerable<double> values) => new Figure("", "", [.. values], "", null).Median;
}
