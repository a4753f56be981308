using System.Globalization;

namespace Compliance.Collectors.Internal;

/// <summary>DateTimeOffset literals in $filter: UTC, second precision, 'Z' (as in Microsoft's examples, m365-apis.md §1.1).</summary>
internal static class ODataTime
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
