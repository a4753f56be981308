namespace Compliance.TenantSimulator.Fixture;

internal sealed class FixtureCredential
{
    public string KeyId { get; set; } = "";
    /// <summary>"secret" (passwordCredentials) or "certificate" (keyCredentials).</summary>
    public string Type { get; set; } = "secret";
    /// <summary>"application" or "servicePrincipal": credentials can sit on either object (m365-apis.md §4).</summary>
    public string On { get; set; } = "application";
    public string? DisplayName { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
}
