using Compliance.Rules.Catalog.Scope;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Scope;

public class NoUnregisteredMailAppsTests
{
    private readonly NoUnregisteredMailApps rule = new();

    [Fact]
    public void Registered_sender_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void App_sending_only_through_RBAC_is_still_a_shadow_integration()
    {
        var tenant = new CleanTenant();
        tenant.AddApp("aaaaaaaa-0000-4000-8000-000000000009", "sp-9", "Marketing Blaster", []);
        tenant.RbacAssignments.Add(new ExchangeRoleAssignment("ra-9", "Application Mail.Send", "sp-9", ExchangeScopeType.Organization, null));
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Equal("Marketing Blaster", finding.ResourceName);
        Assert.Contains("Exchange RBAC 'Application Mail.Send'", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void App_without_a_sending_path_is_not_counted()
    {
        var tenant = new CleanTenant();
        tenant.AddApp("aaaaaaaa-0000-4000-8000-000000000009", "sp-9", "Reader", []);
        tenant.Grant("sp-9", "User.Read.All");
        Assert.Equal(1, tenant.Run(rule).Population);
    }
}
