namespace Compliance.Worker.Tests;

/// <summary>
/// The clock for tests that expect the demo's exact findings. The demo reviews the current month, and its period-bound
/// planted rows (SIGN-001's failures at now−5d, the workspace's data from the 3rd, …) lie inside that month only from
/// about the 9th (docs/tenant-fixture.md, "Limitation: the day of the month"). Earlier in a month this is the real
/// clock moved forward, within the same month, to the 10th at the same time of day; from the 10th on it is the real
/// clock. Only forward: tokens the simulator issues stay valid on the real clock that Azure.Identity reads.
/// </summary>
internal static class PlantedMonthClock
{
    private const int FirstDay = 10;

    public static ShiftedClock Create() => Create(TimeProvider.System.GetUtcNow());

    public static ShiftedClock Create(DateTimeOffset realNow)
    {
        var clock = new ShiftedClock();
        if (realNow.Day < FirstDay)
        {
            clock.Advance(TimeSpan.FromDays(FirstDay - realNow.Day));
        }

        return clock;
    }
}
