namespace Compliance.TenantSimulator.Graph.Delta;

/// <summary>
/// The sync states behind issued deltaLinks, kept server-side as Graph keeps them: a deltaLink names a state by its
/// digest; while the state is remembered the next round answers with real per-object changes (@removed, members@delta),
/// and once it is gone the answer is 410 Gone, which Graph documents for a sync state it can no longer serve (learn:
/// graph/delta-query-overview, "Synchronization reset"). Process-wide, so simulators started one after another in one
/// process (a test per run) share it like one tenant would; a new process knows none — then only an unchanged
/// collection (same digest) is answered without a resync. Bounded: the oldest state is dropped first.
/// </summary>
internal sealed class DeltaSyncStates
{
    private const int Capacity = 32;

    private readonly Lock gate = new();
    private readonly Dictionary<string, DeltaSnapshot> states = new(StringComparer.Ordinal);
    private readonly Queue<string> age = new();

    public static DeltaSyncStates Shared { get; } = new();

    public void Remember(DeltaSnapshot snapshot)
    {
        lock (gate)
        {
            if (!states.TryAdd(snapshot.Digest, snapshot))
            {
                return;
            }

            age.Enqueue(snapshot.Digest);
            while (states.Count > Capacity && age.TryDequeue(out var oldest))
            {
                states.Remove(oldest);
            }
        }
    }

    public DeltaSnapshot? Find(string digest)
    {
        lock (gate)
        {
            return states.GetValueOrDefault(digest);
        }
    }
}
