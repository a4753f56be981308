using System.Text.RegularExpressions;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// Parses the $filter subset the collectors send: comparisons joined by <c>and</c>, each on a property the endpoint
/// declares filterable with that operator. <c>or</c>, functions and anything else are refused (400), never ignored.
/// </summary>
internal static partial class ODataFilter
{
    [GeneratedRegex(@"^\s*(?<path>[A-Za-z][A-Za-z0-9/]*)\s+(?<op>eq|ne|ge|le|gt|lt)\s+(?<lit>'(?:[^']|'')*'|[0-9A-Za-z:.+\-]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^\s*(?<path>[A-Za-z][A-Za-z0-9/]*)/any\(\s*(?<v>[a-z]\w*)\s*:\s*\k<v>\s+eq\s+(?<lit>'(?:[^']|'')*')\s*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Any();

    /// <summary>Parses <paramref name="text"/>; <paramref name="filterable"/> maps property path → operators allowed on it ("eq", "ge", "any", …).</summary>
    public static (IReadOnlyList<FilterClause>? Clauses, string? Error) Parse(string text, IReadOnlyDictionary<string, string[]> filterable)
    {
        var clauses = new List<FilterClause>();
        foreach (var part in SplitAnd(text))
        {
            var any = Any().Match(part);
            var match = any.Success ? any : Comparison().Match(part);
            if (!match.Success)
            {
                return (null, $"Invalid filter clause: '{part.Trim()}'.");
            }

            var path = match.Groups["path"].Value;
            var op = any.Success ? "any" : match.Groups["op"].Value;
            var key = filterable.Keys.FirstOrDefault(k => string.Equals(k, path, StringComparison.OrdinalIgnoreCase));
            if (key is null || !filterable[key].Contains(op))
            {
                return (null, $"Unsupported or invalid query filter clause specified for property '{path}' with operator '{op}'.");
            }

            var literal = match.Groups["lit"].Value;
            if (literal.StartsWith('\''))
            {
                literal = literal[1..^1].Replace("''", "'", StringComparison.Ordinal);
            }

            clauses.Add(new FilterClause(key, op, literal));
        }

        return (clauses, null);
    }

    /// <summary>Splits on " and " outside quotes and parentheses; a top-level " or " is refused by the clause regex.</summary>
    private static List<string> SplitAnd(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && i + 5 <= text.Length && string.Compare(text, i, " and ", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
            {
                parts.Add(text[start..i]);
                start = i + 5;
                i += 4;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
