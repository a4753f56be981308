namespace Compliance.Rules.Evidence;

/// <summary>
/// One stored activity record: its id at the source, when it happened, the record as JSON, and its owner's key
/// (<see cref="ActivityOwner.Key"/>), by which a review reads one app's or sender's records.
/// </summary>
public sealed record ActivityRow(string Id, DateTimeOffset OccurredAt, string Json, string? OwnerKey = null);
