using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

/// <summary>The beta signIn fields the rules need; clientCredentialType and the credential key id are beta only (m365-apis.md §1.1 [S2]).</summary>
internal sealed class BetaSignIn
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("createdDateTime")]
    public DateTimeOffset CreatedDateTime { get; set; }

    [JsonPropertyName("appId")]
    public string? AppId { get; set; }

    [JsonPropertyName("ipAddress")]
    public string? IpAddress { get; set; }

    [JsonPropertyName("status")]
    public SignInStatus? Status { get; set; }

    [JsonPropertyName("clientCredentialType")]
    public string? ClientCredentialType { get; set; }

    [JsonPropertyName("servicePrincipalCredentialKeyId")]
    public string? ServicePrincipalCredentialKeyId { get; set; }

    [JsonPropertyName("resourceDisplayName")]
    public string? ResourceDisplayName { get; set; }
}
