namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// What one Graph collection accepts: its API version and $metadata fragment, selectable and filterable properties,
/// the properties returned without $select, and its documented page sizes.
/// </summary>
internal sealed record CollectionSpec(
    string ApiVersion,
    string ContextFragment,
    IReadOnlySet<string> Selectable,
    IReadOnlyDictionary<string, string[]> Filterable,
    int DefaultTop = CollectionPage.DefaultTop,
    int MaxTop = CollectionPage.MaxTop)
{
    /// <summary>Properties returned when no $select is given (e.g. users return a default subset); null = all.</summary>
    public IReadOnlyList<string>? DefaultSelect { get; init; }

    /// <summary>Property paths $orderby accepts (one key per request); empty = $orderby is refused with 400.</summary>
    public IReadOnlySet<string> Orderable { get; init; } = new HashSet<string>();

    /// <summary>Accepts $orderby but answers in the collection's own order, as a service that silently ignores it would.</summary>
    public bool IgnoresOrderBy { get; init; }

    /// <summary>Graph's entity type name, used in error messages.</summary>
    public string EntityType { get; init; } = "directoryObject";

    public static IReadOnlyDictionary<string, string[]> NoFilter { get; } = new Dictionary<string, string[]>();
}
