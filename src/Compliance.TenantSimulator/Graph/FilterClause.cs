using System.Globalization;
using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// One comparison of a $filter: <c>path op literal</c> (eq, ne, ge, le, gt, lt) or <c>path/any(t: t eq literal)</c>.
/// Evaluated against the full JSON of an item, so it filters on exactly what a client would see.
/// </summary>
internal sealed record FilterClause(string Path, string Op, string Literal)
{
    public bool Matches(JsonObject item)
    {
        var node = JsonPath.Resolve(item, Path);

        if (Op == "any")
        {
            return node is JsonArray array && array.Any(v => v is not null && string.Equals(JsonPath.Text(v), Literal, StringComparison.OrdinalIgnoreCase));
        }

        var text = JsonPath.Text(node);
        return Op switch
        {
            "eq" => string.Equals(text, Literal, StringComparison.OrdinalIgnoreCase),
            "ne" => !string.Equals(text, Literal, StringComparison.OrdinalIgnoreCase),
            _ => text is not null && Compare(text) is { } c && Op switch
            {
                "ge" => c >= 0,
                "le" => c <= 0,
                "gt" => c > 0,
                _ => c < 0,
            },
        };
    }

    /// <summary>The literal as an instant, for range checks (createdDateTime, receivedDateTime).</summary>
    public DateTimeOffset? LiteralInstant =>
        DateTimeOffset.TryParse(Literal, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private int? Compare(string value)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var left) && LiteralInstant is { } right)
        {
            return left.CompareTo(right);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(Literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b) : null;
    }
}
