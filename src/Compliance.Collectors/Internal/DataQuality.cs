using System.Globalization;

namespace Compliance.Collectors.Internal;

/// <summary>
/// Counts the records of one source that arrived damaged (no id, null where an object is expected, an enum value this
/// version does not know). Each kind becomes a sentence of the source's reason, which makes the source
/// <c>partial</c> and the controls reading it <i>not evaluated</i>: a counted, reported data-quality warning — never a
/// silent drop or a silent guess (bad-input corpus, issue 8). Thread-safe: pages of one source may be handled
/// concurrently.
/// </summary>
internal sealed class DataQuality
{
    private readonly object gate = new();
    private readonly SortedDictionary<string, int> counts = new(StringComparer.Ordinal);

    public void Count(string problem, int records = 1)
    {
        if (records <= 0)
        {
            return;
        }

        lock (gate)
        {
            counts[problem] = counts.GetValueOrDefault(problem) + records;
        }
    }

    /// <summary>The partial reason so far, extended with one sentence per counted problem (null when all is well).</summary>
    public string? Warning(string? partial)
    {
        List<string> parts = partial is null ? [] : [partial];
        lock (gate)
        {
            parts.AddRange(counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} {c.Key} (data-quality warning)")));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
