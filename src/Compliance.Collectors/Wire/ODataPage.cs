using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

/// <summary>A Graph collection page: value plus the @odata.nextLink to follow as is (m365-apis.md §1.1).</summary>
internal sealed class ODataPage<T>
{
    [JsonPropertyName("value")]
    public List<T> Value { get; set; } = [];

    [JsonPropertyName("@odata.nextLink")]
    public string? NextLink { get; set; }
}
