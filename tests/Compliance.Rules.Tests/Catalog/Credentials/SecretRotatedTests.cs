using Compliance.Rules.Catalog.Credentials;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Credentials;

public class SecretRotatedTests
{
    private readonly SecretRotated rule = new();

    private static Credential SecretCreatedDaysAgo(int days) =>
        new("s1", CredentialType.Secret, CredentialHolder.Application, "s", CleanTenant.AsOf.AddDays(-days), CleanTenant.AsOf.AddDays(30));

    [Fact]
    public void Clean_baseline_has_no_secrets_to_test()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(0, result.Population);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData(180, null)]
    [InlineData(181, Severity.Medium)]
    [InlineData(365, Severity.Medium)]
    [InlineData(366, Severity.High)]
    public void Age_boundaries(int ageDays, Severity? expected)
    {
        var tenant = new CleanTenant();
        tenant.SetAppCredentials(SecretCreatedDaysAgo(ageDays));
        var result = tenant.Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Equal(expected, result.Findings.SingleOrDefault()?.Severity);
    }

    [Fact]
    public void Expired_secret_is_not_an_active_secret()
    {
        var tenant = new CleanTenant();
        tenant.SetAppCredentials(new Credential("old", CredentialType.Secret, CredentialHolder.Application, null, CleanTenant.AsOf.AddDays(-900), CleanTenant.AsOf.AddDays(-1)));
        Assert.Empty(tenant.Run(rule).Findings);
    }
}
