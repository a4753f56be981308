using Compliance.Rules.Catalog.Credentials;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Credentials;

public class NoExpiredCredentialsTests
{
    private readonly NoExpiredCredentials rule = new();

    [Fact]
    public void Clean_baseline_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData(0, true)]     // ends exactly at AsOf: expired
    [InlineData(-3, true)]
    [InlineData(1, false)]
    public void Expired_credential_still_present_is_reported(int endInHours, bool expected)
    {
        var tenant = new CleanTenant();
        tenant.SetAppCredentials(
            CleanTenant.Certificate("cert-1", CleanTenant.AsOf.AddDays(200)),
            CleanTenant.Secret("old", CleanTenant.AsOf.AddHours(endInHours)));
        var result = tenant.Run(rule);
        Assert.Equal(expected, result.Findings.Count == 1);
        if (expected)
        {
            Assert.Equal("old", result.Findings[0].Qualifier);
        }
    }

    [Fact]
    public void Expired_certificate_on_the_service_principal_counts_too()
    {
        var tenant = new CleanTenant();
        tenant.SetSpCredentials(CleanTenant.Certificate("sp-old", CleanTenant.AsOf.AddDays(-10), CredentialHolder.ServicePrincipal));
        Assert.Equal("servicePrincipal", Assert.Single(tenant.Run(rule).Findings).ResourceType);
    }
}
