namespace Compliance.TenantSimulator.Fixture;

internal sealed class FixtureApp
{
    public string AppId { get; set; } = "";
    public string ObjectId { get; set; } = "";
    public string ServicePrincipalId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? CreatedDateTime { get; set; }
    public List<FixtureCredential> Credentials { get; set; } = [];
    public List<FixtureGrant> Grants { get; set; } = [];
    public List<FixturePolicy> AccessPolicies { get; set; } = [];
}
