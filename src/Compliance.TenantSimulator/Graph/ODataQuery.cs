using System.Globalization;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// The query options the simulator honours ($select, $top, $skiptoken, and $filter and $orderby where the collection
/// allows them). Anything else is rejected with 400, never silently ignored: a client must not believe it got a
/// filtered or ordered answer when it did not.
/// </summary>
internal sealed record ODataQuery(IReadOnlyList<string>? Select, int? Top, string? SkipToken, IReadOnlyList<FilterClause> Filter)
{
    /// <summary>The $orderby key, when the collection allows one and the request gave it.</summary>
    public OrderClause? OrderBy { get; init; }

    public static (ODataQuery? Query, string? Code, string? Error) Parse(
        Microsoft.AspNetCore.Http.IQueryCollection query, IReadOnlySet<string> selectable, bool isCollection, int maxTop) =>
        Parse(query, selectable, isCollection, maxTop, CollectionSpec.NoFilter);

    public static (ODataQuery? Query, string? Code, string? Error) Parse(
        Microsoft.AspNetCore.Http.IQueryCollection query, IReadOnlySet<string> selectable, bool isCollection, int maxTop, IReadOnlyDictionary<string, string[]> filterable,
        IReadOnlySet<string>? orderable = null)
    {
        IReadOnlyList<FilterClause> filter = [];
        OrderClause? orderBy = null;
        IReadOnlyList<string>? select = null;
        int? top = null;
        string? skipToken = null;
        foreach (var (key, values) in query)
        {
            var value = values.ToString();
            switch (key.ToLowerInvariant())
            {
                case "$select":
                    var fields = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = fields.FirstOrDefault(f => !selectable.Contains(f));
                    if (unknown is not null)
                    {
                        return (null, "Request_BadRequest", $"Could not find a property named '{unknown}' on type 'microsoft.graph.directoryObject'.");
                    }

                    select = fields.Select(f => selectable.First(s => s.Equals(f, StringComparison.OrdinalIgnoreCase))).ToList();
                    break;
                case "$top" when isCollection:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t < 1 || t > maxTop)
                    {
                        return (null, "Request_BadRequest", $"Invalid page size specified: '{value}'. Must be between 1 and {maxTop} inclusive.");
                    }

                    top = t;
                    break;
                case "$skiptoken" when isCollection:
                    // Decoded by the page writer, which holds the key that signed it (PageCursors).
                    skipToken = value;
                    break;
                case "$filter" when isCollection && filterable.Count > 0:
                    var (clauses, filterError) = ODataFilter.Parse(value, filterable);
                    if (clauses is null)
                    {
                        return (null, "Request_UnsupportedQuery", filterError!);
                    }

                    filter = clauses;
                    break;
                case "$orderby" when isCollection && orderable is { Count: > 0 }:
                    var (clause, orderError) = OrderClause.Parse(value, orderable);
                    if (clause is null)
                    {
                        return (null, "Request_UnsupportedQuery", orderError!);
                    }

                    orderBy = clause;
                    break;
                case "$filter":
                case "$search":
                case "$orderby":
                    return (null, "Request_UnsupportedQuery", $"Unsupported Query. The simulator does not implement {key}; it never returns an unfiltered answer instead.");
                default:
                    if (key.StartsWith('$'))
                    {
                        return (null, "BadRequest", $"Query option '{key}' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.");
                    }

                    break;
            }
        }

        return (new ODataQuery(select, top, skipToken, filter) { OrderBy = orderBy }, null, null);
    }
}
