using Compliance.Rules.Catalog.Credentials;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Tests.Catalog.Credentials;

public class CertificatePreferredTests
{
    private readonly CertificatePreferred rule = new();

    [Fact]
    public void Certificate_used_as_expected_passes()
    {
        Assert.Empty(new CleanTenant().Run(rule).Findings);
    }

    [Fact]
    public void Secret_sign_ins_where_a_certificate_is_expected_fail()
    {
        var tenant = new CleanTenant();
        tenant.SignIns[0] = tenant.SignIns[0] with { ClientCredentialType = "clientSecret" };
        Assert.Contains("used a client secret", Assert.Single(tenant.Run(rule).Findings).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_certificate_at_all_fails_even_when_a_secret_is_expected()
    {
        var tenant = new CleanTenant();
        tenant.Integrations[0] = tenant.Integrations[0] with { ExpectedCredentialType = ExpectedCredentialType.Secret };
        tenant.SetAppCredentials(CleanTenant.Secret("s1", CleanTenant.AsOf.AddDays(60)));
        Assert.Contains("no active certificate", Assert.Single(tenant.Run(rule).Findings).Detail, StringComparison.Ordinal);
    }
}
