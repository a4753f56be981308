using Compliance.Rules.Catalog.Governance;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Tests.Catalog.Governance;

public class ReviewOnTimeTests
{
    private readonly ReviewOnTime rule = new();

    [Fact]
    public void Review_attested_20_days_ago_passes()
    {
        Assert.Empty(new CleanTenant().Run(rule).Findings);
    }

    [Theory]
    [InlineData(35, false)]
    [InlineData(36, true)]
    public void Interval_boundary(int daysAgo, bool expected)
    {
        var tenant = new CleanTenant();
        tenant.LastAttestation = tenant.LastAttestation! with { AttestedAt = CleanTenant.AsOf.AddDays(-daysAgo) };
        Assert.Equal(expected, tenant.Run(rule, new CompliancePolicy { ReviewIntervalDays = 35 }).Findings.Count == 1);
    }

    [Fact]
    public void Never_attested_fails()
    {
        var tenant = new CleanTenant { LastAttestation = null };
        Assert.Contains("has ever been attested", Assert.Single(tenant.Run(rule).Findings).Detail, StringComparison.Ordinal);
    }
}
