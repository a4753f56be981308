using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Graph;

/// <summary>A property path of $filter or $orderby (<c>lastSignInActivity/lastSignInDateTime</c>) on an item's JSON; names match case-insensitively, as Graph's do.</summary>
internal static class JsonPath
{
    public static JsonNode? Resolve(JsonObject item, string path)
    {
        JsonNode? node = item;
        foreach (var part in path.Split('/'))
        {
            node = node is JsonObject o ? Property(o, part) : null;
        }

        return node;
    }

    /// <summary>A scalar as the text a literal is compared with; null for a missing or null value.</summary>
    public static string? Text(JsonNode? node) => node is null ? null : node.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };

    private static JsonNode? Property(JsonObject o, string name)
    {
        foreach (var (key, value) in o)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
