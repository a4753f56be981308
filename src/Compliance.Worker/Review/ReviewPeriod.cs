using System.Globalization;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Review;

/// <summary>The month under review (yyyy-MM). Defaults to the current month; a future month is refused.</summary>
public static class ReviewPeriod
{
    /// <summary>First instant of the month, UTC.</summary>
    public static DateTimeOffset Start(string period) =>
        new(DateTime.ParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero);

    public static string Resolve(string? requested, DateTimeOffset now)
    {
        var current = now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (requested is null)
        {
            return current;
        }

        if (!DateTime.TryParseExact(requested, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new ConfigurationException($"--period: '{requested}' is not a month in the form yyyy-MM");
        }

        return string.CompareOrdinal(requested, current) > 0
            ? throw new ConfigurationException($"--period: {requested} is in the future (current month is {current})")
            : requested;
    }
}
