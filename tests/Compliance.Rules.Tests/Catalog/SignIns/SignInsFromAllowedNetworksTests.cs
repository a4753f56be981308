using Compliance.Rules.Catalog.SignIns;

namespace Compliance.Rules.Tests.Catalog.SignIns;

public class SignInsFromAllowedNetworksTests
{
    private readonly SignInsFromAllowedNetworks rule = new();

    private static CleanTenant WithRange(string range)
    {
        var tenant = new CleanTenant();
        tenant.Integrations[0] = tenant.Integrations[0] with { AllowedIpRanges = [range] };
        return tenant;
    }

    [Fact]
    public void Integration_without_ranges_is_not_in_the_population()
    {
        Assert.Equal(0, new CleanTenant().Run(rule).Population);
    }

    [Fact]
    public void Sign_ins_inside_the_range_pass()
    {
        var result = WithRange("203.0.113.0/24").Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Sign_in_from_outside_is_high_and_names_the_address()
    {
        var tenant = WithRange("203.0.113.0/24");
        tenant.SignIns[0] = tenant.SignIns[0] with { IpAddress = "198.51.100.7" };
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("198.51.100.7", finding.Detail, StringComparison.Ordinal);
        Assert.Equal(Compliance.Rules.Engine.Severity.High, finding.Severity);
    }
}
