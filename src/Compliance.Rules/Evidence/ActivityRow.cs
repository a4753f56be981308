namespace Compliance.Rules.Evidence;

/// <summary>One stored activity record: its id at the source, when it happened, and the record as JSON.</summary>
public sealed record ActivityRow(string Id, DateTimeOffset OccurredAt, string Json);
