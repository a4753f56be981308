using Compliance.Rules.Catalog.Scope;

namespace Compliance.Rules.Tests.Catalog.Scope;

public class LegacyAccessPolicyTests
{
    private readonly LegacyAccessPolicy rule = new();

    [Fact]
    public void App_without_a_policy_passes()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Clear();
        Assert.Empty(tenant.Run(rule).Findings);
    }

    [Fact]
    public void Legacy_baseline_with_a_RestrictAccess_policy_is_flagged_to_migrate()
    {
        var finding = Assert.Single(new CleanTenant().Run(rule).Findings);
        Assert.Contains("RestrictAccess Payroll Senders", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("New-ManagementRoleAssignment", finding.Remediation, StringComparison.Ordinal);
    }
}
