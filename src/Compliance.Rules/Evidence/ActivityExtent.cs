namespace Compliance.Rules.Evidence;

/// <summary>
/// How many stored records of a source fall in a window, and the store's high-water mark when they were counted: reads
/// bounded by <see cref="Through"/> see exactly those records, even if another run of the same tenant stores more meanwhile.
/// </summary>
public sealed record ActivityExtent(int Count, long Through);
