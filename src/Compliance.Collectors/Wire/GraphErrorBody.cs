using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

/// <summary>Graph's error envelope {"error":{"code","message"}}.</summary>
internal sealed class GraphErrorBody
{
    [JsonPropertyName("error")]
    public GraphErrorDetail? Error { get; set; }
}
