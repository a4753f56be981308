namespace Compliance.Worker.Tests;

/// <summary>
/// Real time moved forward on demand. A FakeTimeProvider would freeze the collectors' own waits (audit polling,
/// pacing, Retry-After all delay on the injected clock), so tests that need "tomorrow" shift the wall clock instead.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    public void Advance(TimeSpan by) => offset += by;
}
