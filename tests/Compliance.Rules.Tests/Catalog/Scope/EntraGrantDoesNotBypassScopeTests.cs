using Compliance.Rules.Catalog.Scope;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Scope;

public class EntraGrantDoesNotBypassScopeTests
{
    private readonly EntraGrantDoesNotBypassScope rule = new();

    [Fact]
    public void Clean_baseline_with_RestrictAccess_policy_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Mail_Send_without_any_policy_is_critical_and_explains_the_union_rule()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Clear();
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains("every mailbox in the tenant", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("added together", finding.Detail, StringComparison.Ordinal);
        Assert.Equal("Payroll", finding.Integration);
    }

    [Fact]
    public void DenyAccess_policy_alone_does_not_restrict()
    {
        var tenant = new CleanTenant();
        tenant.Policies[0] = tenant.Policies[0] with { AccessRight = AccessRight.DenyAccess, ScopeName = "Executives" };
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("every mailbox except", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("Executives", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_for_another_app_does_not_cover_this_one()
    {
        var tenant = new CleanTenant();
        tenant.Policies[0] = tenant.Policies[0] with { AppId = "aaaaaaaa-0000-4000-8000-000000000077" };
        Assert.Single(tenant.Run(rule).Findings);
    }

    [Fact]
    public void Unregistered_app_with_Mail_Send_is_in_the_population_and_fails()
    {
        var tenant = new CleanTenant();
        tenant.AddApp("aaaaaaaa-0000-4000-8000-000000000009", "sp-9", "Shadow Sender", []);
        tenant.Grant("sp-9", "Mail.Send");
        var result = tenant.Run(rule);
        Assert.Equal(2, result.Population);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("Shadow Sender", finding.ResourceName);
        Assert.Null(finding.Integration);
    }

    [Fact]
    public void Exchange_resource_Mail_Send_is_not_the_Entra_Graph_grant()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Clear();
        tenant.Grants.Clear();
        tenant.Grant(CleanTenant.SpObjectId, "Mail.Send", "exchange");
        var result = tenant.Run(rule);
        Assert.Equal(0, result.Population);
        Assert.Empty(result.Findings);
    }
}
