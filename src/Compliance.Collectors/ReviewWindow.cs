using System.Globalization;

namespace Compliance.Collectors;

/// <summary>The activity window of a review: [Start, End). Configuration sources are read as of now regardless.</summary>
public sealed record ReviewWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>A month yyyy-MM: its first day (UTC) to the first day of the next month, or to now while it is current.</summary>
    public static ReviewWindow ForPeriod(string period, DateTimeOffset now)
    {
        var first = DateTimeOffset.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        var next = first.AddMonths(1);
        // Whole seconds: the $filter literals are second precision, so the stored watermark must not claim more.
        var end = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return new ReviewWindow(first, next < end ? next : end);
    }
}
