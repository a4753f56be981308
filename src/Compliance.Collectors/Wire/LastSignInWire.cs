using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

/// <summary>The signInActivity complex type of the sign-in activity report: when, and the request id of that sign-in.</summary>
internal sealed class LastSignInWire
{
    [JsonPropertyName("lastSignInDateTime")]
    public DateTimeOffset? LastSignInDateTime { get; set; }

    [JsonPropertyName("lastSignInRequestId")]
    public string? LastSignInRequestId { get; set; }
}
