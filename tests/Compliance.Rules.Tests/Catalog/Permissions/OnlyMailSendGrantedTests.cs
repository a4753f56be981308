using Compliance.Rules.Catalog.Permissions;
using Compliance.Rules.Engine;

namespace Compliance.Rules.Tests.Catalog.Permissions;

public class OnlyMailSendGrantedTests
{
    private readonly OnlyMailSendGranted rule = new();

    [Fact]
    public void Clean_baseline_passes_and_counts_the_integration()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Directory_permission_besides_Mail_Send_is_a_high_finding_naming_it()
    {
        var tenant = new CleanTenant();
        tenant.Grant(CleanTenant.SpObjectId, "User.Read.All");
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(CleanTenant.AppId, finding.ResourceId);
        Assert.Contains("User.Read.All (Microsoft Graph)", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId " + CleanTenant.SpObjectId, finding.Remediation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mail.ReadWrite", "graph")]
    [InlineData("Mail.Read", "graph")]
    [InlineData("full_access_as_app", "exchange")]
    public void Permission_that_reads_all_mail_is_critical(string role, string resource)
    {
        var tenant = new CleanTenant();
        tenant.Grant(CleanTenant.SpObjectId, role, resource);
        Assert.Equal(Severity.Critical, Assert.Single(tenant.Run(rule).Findings).Severity);
    }

    [Fact]
    public void Mail_Send_on_both_resources_is_not_this_rules_finding()
    {
        var tenant = new CleanTenant();
        tenant.Grant(CleanTenant.SpObjectId, "Mail.Send", "exchange");
        Assert.Empty(tenant.Run(rule).Findings);
    }

    [Fact]
    public void Unregistered_apps_are_outside_the_population()
    {
        var tenant = new CleanTenant();
        tenant.AddApp("aaaaaaaa-0000-4000-8000-000000000009", "sp-9", "Shadow", []);
        tenant.Grant("sp-9", "Mail.ReadWrite");
        var result = tenant.Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Grant_whose_role_name_could_not_be_resolved_is_still_reported()
    {
        var tenant = new CleanTenant();
        tenant.Grants.Add(tenant.Grants[0] with { Id = "grant-x", AppRoleId = "00000000-0000-0000-0000-00000000abcd", AppRoleValue = null });
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("unknown role 00000000-0000-0000-0000-00000000abcd", finding.Detail, StringComparison.Ordinal);
    }
}
