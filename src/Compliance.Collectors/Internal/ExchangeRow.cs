using System.Text.Json;

namespace Compliance.Collectors.Internal;

/// <summary>
/// Reading cmdlet output rows from InvokeCommand. Property casing and types are not documented (m365-apis.md §10.4):
/// booleans may come as true/false or as "True"/"False", multi-valued properties as arrays or one string.
/// </summary>
internal static class ExchangeRow
{
    public static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        } : null;

    public static bool? Bool(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            _ => null,
        } : null;

    /// <summary>The values as an array of exactly their number (records keep them: no spare capacity), one shared empty array for none.</summary>
    public static string[] List(JsonElement row, string name)
    {
        if (!row.TryGetProperty(name, out var v))
        {
            return [];
        }

        return v.ValueKind switch
        {
            JsonValueKind.Array => v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
            JsonValueKind.String when v.GetString() is { Length: > 0 } s => [s],
            _ => [],
        };
    }
}
