using Compliance.Rules.Catalog.Credentials;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Tests.Catalog.Credentials;

public class SecretLifetimeWithinPolicyTests
{
    private readonly SecretLifetimeWithinPolicy rule = new();

    private static Credential SecretWithLifetime(int days) =>
        new("s", CredentialType.Secret, CredentialHolder.Application, null, CleanTenant.AsOf.AddDays(-10), CleanTenant.AsOf.AddDays(days - 10));

    [Fact]
    public void Clean_baseline_has_no_secret()
    {
        Assert.Empty(new CleanTenant().Run(rule).Findings);
    }

    [Theory]
    [InlineData(180, false)]
    [InlineData(181, true)]
    [InlineData(730, true)]
    public void Lifetime_boundaries(int lifetimeDays, bool expected)
    {
        var tenant = new CleanTenant();
        tenant.SetAppCredentials(SecretWithLifetime(lifetimeDays));
        Assert.Equal(expected, tenant.Run(rule).Findings.Count == 1);
    }

    [Fact]
    public void Threshold_follows_Policy_SecretMaxLifetimeDays()
    {
        var tenant = new CleanTenant();
        tenant.SetAppCredentials(SecretWithLifetime(365));
        Assert.Empty(tenant.Run(rule, new CompliancePolicy { SecretMaxLifetimeDays = 366 }).Findings);
    }

    [Fact]
    public void Certificates_are_not_secrets()
    {
        var tenant = new CleanTenant();
        tenant.SetAppCredentials(CleanTenant.Certificate("c", CleanTenant.AsOf.AddDays(700)));
        Assert.Empty(tenant.Run(rule).Findings);
    }
}
