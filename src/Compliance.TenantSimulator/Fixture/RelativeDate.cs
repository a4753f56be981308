using System.Globalization;
using System.Text.RegularExpressions;

namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// Resolves fixture dates: absolute ISO 8601, or "now" followed by offsets such as "+12d", "-400d", "+30d+1h", "-15m"
/// against an anchor, so that a fixture stays meaningful whatever day the run happens. "month" instead of "now" starts
/// from 00:00 UTC on the first day of the anchor's month: a review covers the anchor's calendar month, so a date that must
/// fall inside that month (e.g. where a workspace's data begins, "month+2d") cannot be written relative to "now".
/// </summary>
internal static partial class RelativeDate
{
    [GeneratedRegex(@"\G([+-])(\d+)([dhm])", RegexOptions.CultureInvariant)]
    private static partial Regex Offset();

    public static DateTimeOffset Resolve(string value, DateTimeOffset anchor)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        var (result, position) = text switch
        {
            _ when text.StartsWith("now", StringComparison.OrdinalIgnoreCase) => (anchor, 3),
            _ when text.StartsWith("month", StringComparison.OrdinalIgnoreCase) =>
                (new DateTimeOffset(anchor.UtcDateTime.Year, anchor.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero), 5),
            _ => (DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), text.Length),
        };

        while (position < text.Length)
        {
            var match = Offset().Match(text, position);
            if (!match.Success)
            {
                throw new FormatException($"Invalid relative date '{value}': expected now[+-]N[d|h|m]… or month[+-]N[d|h|m]…");
            }

            var amount = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * (match.Groups[1].Value == "-" ? -1 : 1);
            result = match.Groups[3].Value switch
            {
                "d" => result.AddDays(amount),
                "h" => result.AddHours(amount),
                _ => result.AddMinutes(amount),
            };
            position += match.Length;
        }

        return result;
    }
}
