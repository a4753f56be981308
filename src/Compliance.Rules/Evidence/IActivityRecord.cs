namespace Compliance.Rules.Evidence;

/// <summary>
/// A record of an activity source (sign-ins, message trace, mailbox audit): its id at the source, when it happened, and
/// whom it belongs to — the app that signed in or acted, the address that sent. Rules read one owner's records at a time
/// (<see cref="ActivityRecords{T}.OwnedBy"/>), so a store can answer per owner instead of holding every record in memory.
/// </summary>
public interface IActivityRecord
{
    string Id { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>The app id or sender address the record belongs to, or null when the source did not say.</summary>
    string? Owner { get; }
}
