using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

/// <summary>signIn.status: errorCode 0 is success (m365-apis.md §1.1 [S4]).</summary>
internal sealed class SignInStatus
{
    [JsonPropertyName("errorCode")]
    public int ErrorCode { get; set; }

    [JsonPropertyName("failureReason")]
    public string? FailureReason { get; set; }
}
