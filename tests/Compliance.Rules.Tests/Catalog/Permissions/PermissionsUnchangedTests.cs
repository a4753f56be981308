using Compliance.Rules.Catalog.Permissions;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Permissions;

public class PermissionsUnchangedTests
{
    private readonly PermissionsUnchanged rule = new();

    [Fact]
    public void Unchanged_since_the_attested_review_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Grant_added_after_the_review_is_named()
    {
        var tenant = new CleanTenant();
        tenant.Baseline = new PermissionBaseline("run-prev", CleanTenant.AsOf.AddDays(-20), [.. tenant.Grants], []);
        tenant.Grant(CleanTenant.SpObjectId, "Mail.ReadWrite");
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("added Mail.ReadWrite (Microsoft Graph)", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Removed_RBAC_assignment_is_a_change_too()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.Baseline = new PermissionBaseline("run-prev", CleanTenant.AsOf.AddDays(-20), [.. tenant.Grants], [.. tenant.RbacAssignments]);
        tenant.RbacAssignments.Clear();
        Assert.Contains("removed RBAC 'Application Mail.Send'", Assert.Single(tenant.Run(rule).Findings).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_attested_review_the_control_is_not_evaluated()
    {
        var snapshot = new CleanTenant().Snapshot() with { Baseline = null };
        var result = rule.Evaluate(snapshot, new(), new(snapshot));
        Assert.Contains("no attested review", result.NotEvaluatedReason, StringComparison.Ordinal);
    }
}
