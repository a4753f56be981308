using System.Globalization;
using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// One key of $orderby: <c>path [asc|desc]</c>. Values that read as dates compare as instants, others as text; null
/// (or missing) values come before every other value ascending and after them descending — OData v4.01 Part 2 "URL
/// Conventions" §5.1.5 ($orderby): "null values come before non-null values when sorting in ascending order and after
/// all non-null values when sorting in descending order". The sort is stable, so ties keep the collection's order.
/// </summary>
internal sealed record OrderClause(string Path, bool Descending)
{
    /// <summary>Parses one key against the properties the collection can order by; null with a message otherwise.</summary>
    public static (OrderClause? Clause, string? Error) Parse(string value, IReadOnlySet<string> orderable)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var direction = parts.Length == 2 ? parts[1].ToLowerInvariant() : "asc";
        if (parts.Length is < 1 or > 2 || direction is not ("asc" or "desc"))
        {
            return (null, $"Invalid $orderby expression '{value}'. The simulator orders by one property, asc or desc.");
        }

        return orderable.FirstOrDefault(o => o.Equals(parts[0], StringComparison.OrdinalIgnoreCase)) is { } path
            ? (new OrderClause(path, direction == "desc"), null)
            : (null, $"Unsupported Query. Ordering by '{parts[0]}' is not supported.");
    }

    public IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> items)
    {
        var keyed = items.Select(i => (Item: i, Key: Key(JsonPath.Text(JsonPath.Resolve(i, Path)))));
        return (Descending ? keyed.OrderByDescending(k => k.Key, KeyComparer.Instance) : keyed.OrderBy(k => k.Key, KeyComparer.Instance)).Select(k => k.Item);
    }

    private static IComparable? Key(string? text) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant
        : text;

    /// <summary>Null below everything (so first ascending, last descending); dates among dates, text among text.</summary>
    private sealed class KeyComparer : IComparer<IComparable?>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(IComparable? x, IComparable? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            _ => string.CompareOrdinal(x.ToString(), y.ToString()),
        };
    }
}
