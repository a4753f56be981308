using Compliance.Rules.Evidence;
using Compliance.Rules.Scope;

namespace Compliance.Rules.Tests.Scope;

public class SendAsScopeEngineTests
{
    private static EffectiveSendAsScope ScopeOf(CleanTenant tenant) =>
        Assert.Single(new SendAsScopeEngine(tenant.Snapshot()).ComputeAll(), s => s.AppId == CleanTenant.AppId);

    private static string[] Addresses(EffectiveSendAsScope scope) => scope.Mailboxes.Select(m => m.MailboxAddress).ToArray();

    [Fact]
    public void RestrictAccess_policy_narrows_the_Entra_grant_to_the_group()
    {
        var scope = ScopeOf(new CleanTenant());
        Assert.False(scope.Unrestricted);
        Assert.Equal([CleanTenant.ApprovedSender], Addresses(scope));
        Assert.Equal(SendAsPath.EntraGrantRestrictAccess, Assert.Single(scope.Mailboxes[0].Reasons).Path);
    }

    [Fact]
    public void Entra_grant_without_policy_reaches_every_mailbox()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Clear();
        var scope = ScopeOf(tenant);
        Assert.True(scope.Unrestricted);
        Assert.Equal(3, scope.Mailboxes.Count);
    }

    [Fact]
    public void RBAC_scope_does_not_narrow_an_Entra_grant_the_sets_are_added()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.Grant(CleanTenant.SpObjectId, "Mail.Send"); // the union pitfall: Entra grant left in place
        var scope = ScopeOf(tenant);
        Assert.True(scope.Unrestricted);
        var payroll = scope.Mailboxes.Single(m => m.MailboxAddress == CleanTenant.ApprovedSender);
        Assert.Equal([SendAsPath.EntraGrantUnrestricted, SendAsPath.RbacCustomScope], payroll.Reasons.Select(r => r.Path).Order());
    }

    [Fact]
    public void RBAC_model_limits_to_the_management_scope_filter()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        var scope = ScopeOf(tenant);
        Assert.False(scope.Unrestricted);
        Assert.Equal([CleanTenant.ApprovedSender], Addresses(scope));
        Assert.Contains("PrimarySmtpAddress -eq", scope.Mailboxes[0].Reasons[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void DenyAccess_removes_only_the_group_members()
    {
        var tenant = new CleanTenant();
        tenant.Policies[0] = tenant.Policies[0] with { AccessRight = AccessRight.DenyAccess };
        Assert.Equal(["alice@contoso.example", "bob@contoso.example"], Addresses(ScopeOf(tenant)));
    }

    [Fact]
    public void Deny_wins_over_Restrict_for_the_same_mailbox()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Add(tenant.Policies[0] with { Identity = "policy-2", AccessRight = AccessRight.DenyAccess });
        Assert.Empty(ScopeOf(tenant).Mailboxes);
    }

    [Fact]
    public void MemberOfGroup_scope_counts_direct_members_only()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.Groups.Add(new MailGroup("group-outer", "Outer", "outer@contoso.example", "CN=Outer,OU=Groups,DC=contoso,DC=com", ["user-alice"], ["group-payroll"]));
        tenant.Scopes[0] = tenant.Scopes[0] with { RecipientFilter = "MemberOfGroup -eq 'CN=Outer,OU=Groups,DC=contoso,DC=com'" };
        Assert.Equal(["alice@contoso.example"], Addresses(ScopeOf(tenant)));
    }

    [Fact]
    public void Exclusive_scope_does_not_fence_mailboxes_off_from_apps()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.Scopes.Add(new ManagementScope("scope-x", "Executives fence", "PrimarySmtpAddress -eq 'alice@contoso.example'", Exclusive: true));
        tenant.RbacAssignments.Add(new ExchangeRoleAssignment("ra-2", "Application Mail.Send", CleanTenant.SpObjectId, ExchangeScopeType.CustomRecipientScope, "scope-x"));
        var scope = ScopeOf(tenant);
        Assert.Equal(["alice@contoso.example", CleanTenant.ApprovedSender], Addresses(scope));
        Assert.Contains("exclusive", scope.Mailboxes[0].Reasons[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Administrative_unit_scope_is_its_members()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.RbacAssignments.Clear();
        tenant.Units.Add(new AdministrativeUnit("au-1", "Finance AU", ["user-bob"]));
        tenant.RbacAssignments.Add(new ExchangeRoleAssignment("ra-3", "Application Mail Full Access", CleanTenant.SpObjectId, ExchangeScopeType.AdministrativeUnit, "au-1"));
        Assert.Equal(["bob@contoso.example"], Addresses(ScopeOf(tenant)));
    }

    [Fact]
    public void Unscoped_RBAC_assignment_and_full_access_reach_everything()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.RbacAssignments[0] = tenant.RbacAssignments[0] with { ScopeType = ExchangeScopeType.Organization, ScopeId = null };
        Assert.True(ScopeOf(tenant).Unrestricted);

        var other = new CleanTenant();
        other.UseRbacModel();
        other.Grant(CleanTenant.SpObjectId, "full_access_as_app", "exchange");
        var scope = ScopeOf(other);
        Assert.True(scope.Unrestricted);
        Assert.Contains(scope.Mailboxes, m => m.Reasons.Any(r => r.Path == SendAsPath.FullAccess));
    }

    [Fact]
    public void Malformed_filter_is_a_quoted_problem_never_a_guess()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.Scopes[0] = tenant.Scopes[0] with { RecipientFilter = "PrimarySmtpAddress -eq 'payroll@contoso.example" };
        var scope = ScopeOf(tenant);
        Assert.Empty(scope.Mailboxes);
        var problem = Assert.Single(scope.Problems);
        Assert.Contains("\"PrimarySmtpAddress -eq 'payroll@contoso.example\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_policy_group_is_a_problem()
    {
        var tenant = new CleanTenant();
        tenant.Groups.Clear();
        var scope = ScopeOf(tenant);
        Assert.Contains(scope.Problems, p => p.Contains("payroll-senders@contoso.example", StringComparison.Ordinal));
    }

    [Fact]
    public void Apps_without_a_sending_path_are_not_mail_capable()
    {
        var tenant = new CleanTenant();
        tenant.AddApp("aaaaaaaa-0000-4000-8000-000000000009", "sp-9", "Reader", []);
        tenant.Grant("sp-9", "User.Read.All");
        Assert.DoesNotContain(new SendAsScopeEngine(tenant.Snapshot()).ComputeAll(), s => s.AppId.EndsWith('9'));
    }

    [Fact]
    public void MemberOfGroup_naming_a_group_that_was_not_collected_is_a_problem_not_an_empty_scope()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.Scopes[0] = tenant.Scopes[0] with { RecipientFilter = "MemberOfGroup -eq 'CN=Unknown,OU=Groups,DC=contoso,DC=com'" };
        var scope = ScopeOf(tenant);
        Assert.Empty(scope.Mailboxes);
        Assert.Contains("'CN=Unknown,OU=Groups,DC=contoso,DC=com', which is not among the collected groups", Assert.Single(scope.Problems), StringComparison.Ordinal);
    }
}
