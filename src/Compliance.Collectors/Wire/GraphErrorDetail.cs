using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

internal sealed class GraphErrorDetail
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
