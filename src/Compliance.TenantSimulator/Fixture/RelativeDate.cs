using System.Globalization;
using System.Text.RegularExpressions;

namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// Resolves fixture dates: absolute ISO 8601, or "now" followed by offsets such as "+12d", "-400d", "+30d+1h", "-15m"
/// against an anchor, so that a fixture stays meaningful whatever day the run happens.
/// </summary>
internal static partial class RelativeDate
{
    [GeneratedRegex(@"\G([+-])(\d+)([dhm])", RegexOptions.CultureInvariant)]
    private static partial Regex Offset();

    public static DateTimeOffset Resolve(string value, DateTimeOffset anchor)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (!text.StartsWith("now", StringComparison.OrdinalIgnoreCase))
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        var result = anchor;
        var position = 3;
        while (position < text.Length)
        {
            var match = Offset().Match(text, position);
            if (!match.Success)
            {
                throw new FormatException($"Invalid relative date '{value}': expected now[+-]N[d|h|m]…");
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
