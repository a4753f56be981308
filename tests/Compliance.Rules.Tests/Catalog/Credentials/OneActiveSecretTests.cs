using Compliance.Rules.Catalog.Credentials;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Credentials;

public class OneActiveSecretTests
{
    private readonly OneActiveSecret rule = new();

    [Fact]
    public void Clean_baseline_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Two_active_secrets_fail_naming_both()
    {
        var tenant = new CleanTenant();
        tenant.SetAppCredentials(CleanTenant.Secret("a", CleanTenant.AsOf.AddDays(20)), CleanTenant.Secret("b", CleanTenant.AsOf.AddDays(100)));
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("key id a", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("key id b", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_on_the_service_principal_counts_towards_the_total()
    {
        var tenant = new CleanTenant();
        tenant.SetAppCredentials(CleanTenant.Secret("a", CleanTenant.AsOf.AddDays(20)));
        tenant.SetSpCredentials(CleanTenant.Secret("sp", CleanTenant.AsOf.AddDays(20), CredentialHolder.ServicePrincipal));
        Assert.Single(tenant.Run(rule).Findings);
    }

    [Fact]
    public void Expired_or_not_yet_valid_secrets_are_not_active()
    {
        var tenant = new CleanTenant();
        tenant.SetAppCredentials(
            CleanTenant.Secret("current", CleanTenant.AsOf.AddDays(20)),
            CleanTenant.Secret("expired", CleanTenant.AsOf.AddDays(-1)),
            new Credential("future", CredentialType.Secret, CredentialHolder.Application, null, CleanTenant.AsOf.AddDays(5), CleanTenant.AsOf.AddDays(90)));
        Assert.Empty(tenant.Run(rule).Findings);
    }
}
