using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

/// <summary>
/// A servicePrincipalSignInActivity entry (Graph beta reports/servicePrincipalSignInActivities, m365-apis.md §1.1 [S6b]):
/// the fields SIGN-002 reads; the delegated and as-resource activities are left to the raw page.
/// </summary>
internal sealed class SignInActivityWire
{
    [JsonPropertyName("appId")]
    public string? AppId { get; set; }

    [JsonPropertyName("lastSignInActivity")]
    public LastSignInWire? LastSignInActivity { get; set; }

    [JsonPropertyName("applicationAuthenticationClientSignInActivity")]
    public LastSignInWire? ApplicationAuthenticationClientSignInActivity { get; set; }
}
