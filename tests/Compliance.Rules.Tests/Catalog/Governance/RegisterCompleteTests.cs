using Compliance.Rules.Catalog.Governance;

namespace Compliance.Rules.Tests.Catalog.Governance;

public class RegisterCompleteTests
{
    private readonly RegisterComplete rule = new();

    [Fact]
    public void Clean_baseline_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Missing_owner_and_ticket_are_named()
    {
        var tenant = new CleanTenant();
        tenant.Integrations[0] = tenant.Integrations[0] with { Owner = " ", Ticket = null };
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("no Owner, Ticket", finding.Detail, StringComparison.Ordinal);
    }
}
