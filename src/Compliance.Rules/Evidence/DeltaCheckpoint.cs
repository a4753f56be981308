namespace Compliance.Rules.Evidence;

/// <summary>A delta round's end: the @odata.deltaLink to call next, and when it was received.</summary>
public sealed record DeltaCheckpoint(string DeltaLink, DateTimeOffset ReceivedAt);
