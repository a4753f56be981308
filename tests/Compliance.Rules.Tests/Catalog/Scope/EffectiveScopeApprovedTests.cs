using Compliance.Rules.Catalog.Scope;

namespace Compliance.Rules.Tests.Catalog.Scope;

public class EffectiveScopeApprovedTests
{
    private readonly EffectiveScopeApproved rule = new();

    [Fact]
    public void Scope_equal_to_the_approved_mailbox_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void RBAC_scope_plus_leftover_Entra_grant_reaches_every_mailbox()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.Grant(CleanTenant.SpObjectId, "Mail.Send");
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("every mailbox in the tenant", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("alice@contoso.example", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Scope_filter_wider_than_approved_lists_the_extra_mailboxes()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.Scopes[0] = tenant.Scopes[0] with { RecipientFilter = "PrimarySmtpAddress -like '*@contoso.example' -and Alias -ne 'bob'" };
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("1 mailbox(es) not approved for it: alice@contoso.example", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_filter_makes_the_control_undetermined_quoting_it()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.Scopes[0] = tenant.Scopes[0] with { RecipientFilter = "PrimarySmtpAddress -gt 'a'" };
        var result = tenant.Run(rule);
        Assert.Empty(result.Findings);
        Assert.Contains("\"PrimarySmtpAddress -gt 'a'\"", Assert.Single(result.Undetermined), StringComparison.Ordinal);
    }
}
