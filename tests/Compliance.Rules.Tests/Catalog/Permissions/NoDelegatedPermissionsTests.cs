using Compliance.Rules.Catalog.Permissions;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Permissions;

public class NoDelegatedPermissionsTests
{
    private readonly NoDelegatedPermissions rule = new();

    [Fact]
    public void Clean_baseline_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Delegated_grant_on_the_integration_is_reported_with_its_removal_command()
    {
        var tenant = new CleanTenant();
        tenant.DelegatedGrants.Add(new DelegatedGrant("dg-1", CleanTenant.SpObjectId, "AllPrincipals", null, CleanTenant.GraphSpId, " Mail.Read User.Read "));
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("Mail.Read User.Read (all users)", finding.Detail, StringComparison.Ordinal);
        Assert.Equal("Remove-MgOauth2PermissionGrant -OAuth2PermissionGrantId dg-1", finding.Remediation);
    }

    [Fact]
    public void Delegated_grant_of_another_client_is_ignored()
    {
        var tenant = new CleanTenant();
        tenant.DelegatedGrants.Add(new DelegatedGrant("dg-2", "other-sp", "Principal", "user-1", CleanTenant.GraphSpId, "Mail.Read"));
        Assert.Empty(tenant.Run(rule).Findings);
    }
}
