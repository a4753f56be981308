using Compliance.Rules.Catalog.SignIns;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Tests.Catalog.SignIns;

public class AuthenticationHealthyTests
{
    private readonly AuthenticationHealthy rule = new();

    private static void AddFailures(CleanTenant tenant, int count, int code, int daysAgo = 2)
    {
        for (var i = 0; i < count; i++)
        {
            tenant.SignIns.Add(new ServicePrincipalSignIn($"f-{code}-{i}", CleanTenant.AsOf.AddDays(-daysAgo).AddMinutes(i), CleanTenant.AppId, "203.0.113.10", code, "bad", "clientSecret", null, null));
        }
    }

    [Fact]
    public void Clean_baseline_passes()
    {
        Assert.Empty(new CleanTenant().Run(rule).Findings);
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    public void Threshold_boundary(int failures, bool expected)
    {
        var tenant = new CleanTenant();
        AddFailures(tenant, failures, 7000215);
        Assert.Equal(expected, tenant.Run(rule, new CompliancePolicy { SignInFailureThreshold = 10 }).Findings.Count == 1);
    }

    [Fact]
    public void Failures_are_grouped_by_error_code_with_their_meaning()
    {
        var tenant = new CleanTenant();
        AddFailures(tenant, 8, 7000222);
        AddFailures(tenant, 4, 7000215);
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("8 × AADSTS7000222 expired client secret, 4 × AADSTS7000215 invalid client secret", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_before_the_period_do_not_count()
    {
        var tenant = new CleanTenant();
        AddFailures(tenant, 50, 7000215, daysAgo: 40);
        Assert.Empty(tenant.Run(rule).Findings);
    }
}
