using Compliance.Rules.Catalog.Scope;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Scope;

public class RbacScopePresentTests
{
    private readonly RbacScopePresent rule = new();

    [Fact]
    public void RestrictAccess_policy_counts_as_a_scope_in_the_legacy_baseline()
    {
        Assert.Empty(new CleanTenant().Run(rule).Findings);
    }

    [Fact]
    public void RBAC_model_with_custom_scope_passes()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        Assert.Empty(tenant.Run(rule).Findings);
    }

    [Fact]
    public void No_scope_at_all_fails()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Clear();
        Assert.Contains("no Exchange RBAC assignment", Assert.Single(tenant.Run(rule).Findings).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Organisation_wide_RBAC_assignment_is_not_a_scope()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.RbacAssignments[0] = tenant.RbacAssignments[0] with { ScopeType = ExchangeScopeType.Organization, ScopeId = null };
        Assert.Contains("no resource scope", Assert.Single(tenant.Run(rule).Findings).Detail, StringComparison.Ordinal);
    }
}
