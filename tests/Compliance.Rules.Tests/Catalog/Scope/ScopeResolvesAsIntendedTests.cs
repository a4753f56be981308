using Compliance.Rules.Catalog.Scope;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Scope;

public class ScopeResolvesAsIntendedTests
{
    private readonly ScopeResolvesAsIntended rule = new();

    private static CleanTenant Rbac()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        return tenant;
    }

    [Fact]
    public void Scope_covering_the_approved_mailbox_passes()
    {
        var result = Rbac().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Scope_that_matches_nothing_and_misses_the_approved_mailbox()
    {
        var tenant = Rbac();
        tenant.Scopes[0] = tenant.Scopes[0] with { RecipientFilter = "PrimarySmtpAddress -eq 'payrol@contoso.example'" };
        var details = tenant.Run(rule).Findings.Select(f => f.Detail).ToList();
        Assert.Equal(2, details.Count);
        Assert.Contains(details, d => d.Contains("matches no mailbox", StringComparison.Ordinal));
        Assert.Contains(details, d => d.Contains("sending from it will fail", StringComparison.Ordinal));
    }

    [Fact]
    public void MemberOfGroup_over_a_group_with_nested_groups_is_flagged()
    {
        var tenant = Rbac();
        tenant.Groups.Add(new MailGroup("group-nested", "Nested", "nested@contoso.example", "CN=Nested,DC=contoso,DC=com", ["user-bob"], []));
        tenant.Groups[0] = tenant.Groups[0] with { MemberGroupIds = ["group-nested"] };
        tenant.Scopes[0] = tenant.Scopes[0] with { RecipientFilter = "MemberOfGroup -eq 'CN=Payroll Senders,OU=Groups,DC=contoso,DC=com'" };
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("1 nested group(s)", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Approved_mailbox_that_does_not_exist_is_named()
    {
        var tenant = Rbac();
        tenant.Integrations[0] = tenant.Integrations[0] with { ApprovedSenders = [CleanTenant.ApprovedSender, "ghost@contoso.example"] };
        Assert.Contains("does not exist", Assert.Single(tenant.Run(rule).Findings).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolvable_scope_is_undetermined_and_never_claims_the_approved_mailbox_is_missing()
    {
        var tenant = Rbac();
        tenant.Scopes[0] = tenant.Scopes[0] with { RecipientFilter = "MemberOfGroup -eq 'CN=Not Collected,DC=contoso,DC=com'" };
        var result = tenant.Run(rule);
        Assert.Empty(result.Findings);
        Assert.Contains("not among the collected groups", Assert.Single(result.Undetermined), StringComparison.Ordinal);
    }
}
