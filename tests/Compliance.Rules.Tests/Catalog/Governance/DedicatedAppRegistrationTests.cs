using Compliance.Rules.Catalog.Governance;

namespace Compliance.Rules.Tests.Catalog.Governance;

public class DedicatedAppRegistrationTests
{
    private readonly DedicatedAppRegistration rule = new();

    [Fact]
    public void Clean_baseline_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void App_shared_by_two_vendors_is_reported_once()
    {
        var tenant = new CleanTenant();
        tenant.Integrations.Add(tenant.Integrations[0] with { Name = "Expenses", Vendor = "Other vendor", AppId = CleanTenant.AppId.ToUpperInvariant() });
        var result = tenant.Run(rule);
        Assert.Equal(1, result.Population);
        var finding = Assert.Single(result.Findings);
        Assert.Contains("2 register entries", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("2 vendors", finding.Detail, StringComparison.Ordinal);
    }
}
