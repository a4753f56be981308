namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// Service-principal sign-ins of one app: either <see cref="Count"/> rows ending at <see cref="At"/> one hour apart,
/// or one row every <see cref="EveryHours"/> from <see cref="From"/> to <see cref="To"/>.
/// </summary>
internal sealed class FixtureSignInSeries
{
    public string AppId { get; set; } = "";
    public string? At { get; set; }
    public int Count { get; set; } = 1;
    public string? From { get; set; }
    public string? To { get; set; }
    public int EveryHours { get; set; } = 24;
    /// <summary>0 = success; otherwise the AADSTS number, e.g. 7000215 invalid secret, 7000222 expired secret (m365-apis.md §1.1).</summary>
    public int ErrorCode { get; set; }
    /// <summary>Beta clientCredentialType enum: clientSecret, clientAssertion, certificate, … (m365-apis.md §1.1).</summary>
    public string ClientCredentialType { get; set; } = "clientSecret";
    public string? CredentialKeyId { get; set; }
    public string IpAddress { get; set; } = "203.0.113.10";
    public string Resource { get; set; } = "graph";
}
