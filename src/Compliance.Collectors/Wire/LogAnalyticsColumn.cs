using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

internal sealed class LogAnalyticsColumn
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}
