using System.Globalization;

namespace Compliance.Storage;

/// <summary>Dates are stored as round-trip ISO 8601 text so they sort and keep their offset.</summary>
internal static class StoredDate
{
    public static string? Write(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);

    public static string Write(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Read(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
