using Compliance.Rules.Catalog.Credentials;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Credentials;

public class NoCredentialsOnServicePrincipalTests
{
    private readonly NoCredentialsOnServicePrincipal rule = new();

    [Fact]
    public void Clean_baseline_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Secret_on_the_service_principal_is_high_with_the_exact_removal_command()
    {
        var tenant = new CleanTenant();
        tenant.SetSpCredentials(CleanTenant.Secret("hidden", CleanTenant.AsOf.AddDays(300), CredentialHolder.ServicePrincipal));
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains($"-ServicePrincipalId {CleanTenant.SpObjectId} -KeyId hidden", finding.Remediation, StringComparison.Ordinal);
    }
}
