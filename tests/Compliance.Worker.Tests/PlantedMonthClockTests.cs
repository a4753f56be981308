namespace Compliance.Worker.Tests;

/// <summary>The demo's exact-findings tests must hold on any day of the month, not only from the 9th.</summary>
public class PlantedMonthClockTests
{
    [Theory]
    [InlineData(1, 9)]
    [InlineData(2, 8)]
    [InlineData(9, 1)]
    [InlineData(10, 0)]
    [InlineData(28, 0)]
    public void Early_days_move_forward_to_the_10th_of_the_same_month(int day, int daysForward)
    {
        var realNow = new DateTimeOffset(2026, 12, day, 7, 30, 0, TimeSpan.Zero);
        var shift = PlantedMonthClock.Create(realNow).GetUtcNow() - TimeProvider.System.GetUtcNow();
        Assert.Equal(daysForward, Math.Round(shift.TotalDays));
        Assert.Equal(12, realNow.AddDays(daysForward).Month);
    }
}
