using Compliance.Rules.Catalog.SignIns;

namespace Compliance.Rules.Tests.Catalog.SignIns;

public class IntegrationInUseTests
{
    private readonly IntegrationInUse rule = new();

    [Fact]
    public void Recent_successful_sign_in_passes()
    {
        Assert.Empty(new CleanTenant().Run(rule).Findings);
    }

    [Fact]
    public void No_successful_sign_in_over_90_days_of_logs_fails()
    {
        var tenant = new CleanTenant();
        tenant.SignIns.Clear();
        Assert.Contains("no successful sign-in in the last 90 days", Assert.Single(tenant.Run(rule).Findings).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Logs_shorter_than_the_window_cannot_prove_non_use()
    {
        var tenant = new CleanTenant { WindowStart = CleanTenant.AsOf.AddDays(-30) };
        tenant.SignIns.Clear();
        var result = tenant.Run(rule);
        Assert.Empty(result.Findings);
        Assert.Contains("cover only since", Assert.Single(result.Undetermined), StringComparison.Ordinal);
    }
}
