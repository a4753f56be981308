namespace Compliance.TenantSimulator.Graph.Delta;

/// <summary>
/// A collection that answers the delta function: its name in tokens and $metadata, the properties $select may name,
/// the link collection reported as <c>{LinkProperty}@delta</c> when it is selected (groups: members), and its items
/// with their full bodies (projected per request).
/// </summary>
internal sealed record DeltaCollection(
    string Name,
    IReadOnlySet<string> Selectable,
    string? LinkProperty,
    Func<IEnumerable<DeltaItem>> Items);
