using System.Globalization;
using System.Text.RegularExpressions;

namespace Compliance.TenantSimulator.LogAnalytics;

/// <summary>
/// The KQL subset the collectors send over AADServicePrincipalSignInLogs: <c>where</c> comparisons (== != &gt; &gt;= &lt; &lt;=,
/// joined by <c>and</c>) on strings, numbers, <c>ago(Nd|h|m)</c> and <c>datetime(…)</c>; <c>project</c>; <c>take</c>/<c>limit</c>;
/// <c>order by</c>/<c>sort by</c>; a final <c>summarize Alias = min(Column)</c> or <c>max(Column)</c> without <c>by</c> (the
/// collectors ask where a workspace's rows begin). Anything else throws <see cref="FormatException"/> → 400, never a wrong answer.
/// </summary>
internal sealed partial class KqlQuery
{
    public const string Table = "AADServicePrincipalSignInLogs";

    [GeneratedRegex(@"^\s*(?<col>\w+)\s*(?<op>==|!=|>=|<=|>|<|=~)\s*(?<lit>'[^']*'|""[^""]*""|ago\(\s*\d+[dhm]\s*\)|datetime\([^)]*\)|-?\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();

    public List<(string Column, string Op, object Value)> Conditions { get; } = [];
    public List<string>? Projection { get; private set; }
    public int? Take { get; private set; }
    public (string Column, bool Descending)? Order { get; private set; }

    /// <summary>A final aggregate over the filtered rows: one output row, as Kusto answers a summarize without "by".</summary>
    public (string Alias, string Function, string Column)? Summary { get; private set; }

    [GeneratedRegex(@"^(?<alias>\w+)\s*=\s*(?<fn>min|max)\(\s*(?<col>\w+)\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Aggregate();

    [GeneratedRegex(@"^(?<alias>\w+)\s*=\s*column_ifexists\(\s*[""'](?<col>\w+)[""']\s*,\s*(""[^""]*""|'[^']*')\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnIfExists();

    /// <summary>A plain column, or <c>X = column_ifexists("X", default)</c> over a column the table has (the form collectors use for optional columns).</summary>
    private static string ProjectedColumn(string item)
    {
        var m = ColumnIfExists().Match(item);
        return m.Success && m.Groups["alias"].Value == m.Groups["col"].Value ? m.Groups["col"].Value : item;
    }

    /// <summary>Splits a project list on commas outside parentheses and quotes.</summary>
    private static IEnumerable<string> TopLevelItems(string list)
    {
        var depth = 0;
        var quote = '\0';
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            var c = list[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                yield return list[start..i].Trim();
                start = i + 1;
            }
        }

        if (list[start..].Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    public static KqlQuery Parse(string text, DateTimeOffset now, IReadOnlyList<string> columns)
    {
        var stages = text.Split('|').Select(s => s.Trim()).ToList();
        if (stages[0] != Table)
        {
            throw new FormatException($"'{stages[0]}' could not be resolved to a table, function or variable in this workspace (the simulator holds {Table}).");
        }

        var query = new KqlQuery();
        foreach (var stage in stages.Skip(1))
        {
            if (query.Summary is not null)
            {
                throw new FormatException("The simulator implements summarize only as the last operator.");
            }

            var space = stage.IndexOf(' ', StringComparison.Ordinal);
            var op = space < 0 ? stage : stage[..space];
            var rest = space < 0 ? "" : stage[(space + 1)..].Trim();
            switch (op)
            {
                case "where":
                    foreach (var part in Regex.Split(rest, @"\s+and\s+", RegexOptions.CultureInvariant))
                    {
                        var m = Comparison().Match(part);
                        if (!m.Success || !columns.Contains(m.Groups["col"].Value))
                        {
                            throw new FormatException($"Unsupported where clause '{part}'.");
                        }

                        query.Conditions.Add((m.Groups["col"].Value, m.Groups["op"].Value, Literal(m.Groups["lit"].Value, now)));
                    }

                    break;
                case "project":
                    query.Projection = TopLevelItems(rest).Select(ProjectedColumn).ToList();
                    if (query.Projection.FirstOrDefault(c => !columns.Contains(c)) is { } unknown)
                    {
                        throw new FormatException($"'project' operator: Failed to resolve scalar expression named '{unknown}'.");
                    }

                    break;
                case "take" or "limit":
                    query.Take = int.Parse(rest, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "order" or "sort":
                    var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length < 2 || words[0] != "by" || !columns.Contains(words[1]))
                    {
                        throw new FormatException($"Unsupported '{op}' clause.");
                    }

                    query.Order = (words[1], words.Length < 3 || words[2] != "asc");
                    break;
                case "summarize":
                    var aggregate = Aggregate().Match(rest);
                    if (query.Projection is not null || query.Take is not null || query.Order is not null)
                    {
                        throw new FormatException("The simulator implements summarize only directly after where.");
                    }

                    if (!aggregate.Success || !columns.Contains(aggregate.Groups["col"].Value))
                    {
                        throw new FormatException($"Unsupported summarize clause '{rest}' (the simulator knows Alias = min(Column) and max(Column), without 'by').");
                    }

                    query.Summary = (aggregate.Groups["alias"].Value, aggregate.Groups["fn"].Value, aggregate.Groups["col"].Value);
                    break;
                default:
                    throw new FormatException($"The simulator does not implement the '{op}' operator.");
            }
        }

        return query;
    }

    private static object Literal(string text, DateTimeOffset now)
    {
        if (text.StartsWith('\'') || text.StartsWith('"'))
        {
            return text[1..^1];
        }

        if (text.StartsWith("ago(", StringComparison.Ordinal))
        {
            var inner = text[4..^1].Trim();
            var n = int.Parse(inner[..^1], CultureInfo.InvariantCulture);
            return inner[^1] switch { 'd' => now.AddDays(-n), 'h' => now.AddHours(-n), _ => now.AddMinutes(-n) };
        }

        if (text.StartsWith("datetime(", StringComparison.Ordinal))
        {
            return DateTimeOffset.Parse(text[9..^1].Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        return long.Parse(text, CultureInfo.InvariantCulture);
    }
}
