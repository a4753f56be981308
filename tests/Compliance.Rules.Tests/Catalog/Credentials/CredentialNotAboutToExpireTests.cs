using Compliance.Rules.Catalog.Credentials;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Tests.Catalog.Credentials;

public class CredentialNotAboutToExpireTests
{
    private readonly CredentialNotAboutToExpire rule = new();

    [Fact]
    public void Clean_baseline_passes_and_counts_each_credential()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Secret_expiring_in_12_days_is_a_high_finding_with_the_key_id()
    {
        var tenant = new CleanTenant();
        tenant.Applications[0] = tenant.Applications[0] with
        {
            Credentials = [.. tenant.Applications[0].Credentials, CleanTenant.Secret("key-12", CleanTenant.AsOf.AddDays(12))],
        };
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("key-12", finding.Qualifier);
        Assert.Contains("in 12 day(s)", finding.Detail, StringComparison.Ordinal);
        Assert.Equal("application", finding.ResourceType);
    }

    [Theory]
    [InlineData(30 * 24, true)]       // exactly at the window's edge: inside
    [InlineData(30 * 24 + 1, false)]  // one hour past the window
    [InlineData(1, true)]
    [InlineData(0, false)]            // expired at AsOf: CRED-003's finding, not this one
    [InlineData(-72, false)]
    public void Window_boundaries(int hoursToExpiry, bool expected)
    {
        var tenant = new CleanTenant();
        tenant.Applications[0] = tenant.Applications[0] with
        {
            Credentials = [CleanTenant.Secret("key-b", CleanTenant.AsOf.AddHours(hoursToExpiry))],
        };
        Assert.Equal(expected, tenant.Run(rule).Findings.Count == 1);
    }

    [Fact]
    public void Window_follows_Policy_ExpiryWarningDays()
    {
        var tenant = new CleanTenant();
        var policy = new CompliancePolicy { ExpiryWarningDays = 250 };
        Assert.Single(tenant.Run(rule, policy).Findings);
    }

    [Fact]
    public void Certificate_on_the_service_principal_is_checked_too()
    {
        var tenant = new CleanTenant();
        tenant.ServicePrincipals[0] = tenant.ServicePrincipals[0] with
        {
            Credentials = [CleanTenant.Certificate("sp-cert", CleanTenant.AsOf.AddDays(5), CredentialHolder.ServicePrincipal)],
        };
        var result = tenant.Run(rule);
        Assert.Equal(2, result.Population);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("servicePrincipal", finding.ResourceType);
        Assert.Contains("service principal", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_of_unregistered_apps_are_not_evaluated_here()
    {
        var tenant = new CleanTenant();
        tenant.AddApp("aaaaaaaa-0000-4000-8000-000000000009", "sp-9", "Other", [CleanTenant.Secret("k9", CleanTenant.AsOf.AddDays(3))]);
        Assert.Empty(tenant.Run(rule).Findings);
    }
}
