namespace Compliance.Collectors.Tests;

/// <summary>
/// The system clock moved to a chosen moment: dates read from it are the chosen ones while timers and delays stay real,
/// so a whole collection runs as it would, only "later". Shared by the simulator and the collectors, it makes a second
/// run happen hours or days after the first.
/// </summary>
internal sealed class SettableClock : TimeProvider
{
    private TimeSpan offset;

    public SettableClock(DateTimeOffset now) => Set(now);

    public void Set(DateTimeOffset now) => offset = now - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
