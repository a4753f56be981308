using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

internal sealed class LogAnalyticsTable
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("columns")]
    public List<LogAnalyticsColumn> Columns { get; set; } = [];

    [JsonPropertyName("rows")]
    public List<List<JsonElement>> Rows { get; set; } = [];
}
