using Compliance.Rules.Evidence;
using Compliance.Rules.Scope;

namespace Compliance.Rules.Tests.Scope;

/// <summary>
/// An effective scope answers "can the app send as this mailbox, and why" for every mailbox it covers, whether the
/// scope is every mailbox of the tenant (held once, not copied per app) or a few of them.
/// </summary>
public class ScopeMembersTests
{
    private static readonly string[] Everyone = ["alice@contoso.example", "bob@contoso.example", CleanTenant.ApprovedSender];

    private static EffectiveSendAsScope ScopeOf(CleanTenant tenant, string appId = CleanTenant.AppId) =>
        Assert.Single(new SendAsScopeEngine(tenant.Snapshot()).ComputeAll(), s => s.AppId == appId);

    [Fact]
    public void Organisation_wide_app_lists_and_answers_for_every_mailbox_with_its_reason()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Clear();
        var members = ScopeOf(tenant).Mailboxes;

        Assert.Equal(Everyone, members.Select(m => m.MailboxAddress));
        Assert.Equal(["user-alice", "user-bob", CleanTenant.PayrollUserId], members.Select(m => m.MailboxUserId));
        foreach (var address in Everyone)
        {
            Assert.True(members.Contains(address.ToUpperInvariant()));
            var reason = Assert.Single(members.Find(address)!.Reasons);
            Assert.Equal(SendAsPath.EntraGrantUnrestricted, reason.Path);
            Assert.Contains("with no Application Access Policy: every mailbox", reason.Description, StringComparison.Ordinal);
        }

        Assert.False(members.Contains("nobody@contoso.example"));
        Assert.Null(members.Find("nobody@contoso.example"));
    }

    [Fact]
    public void Union_with_an_RBAC_scope_still_reports_the_scope_reason_on_the_mailboxes_it_matches()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.Grant(CleanTenant.SpObjectId, "Mail.Send");
        var members = ScopeOf(tenant).Mailboxes;

        Assert.Equal(3, members.Count);
        Assert.Equal([SendAsPath.EntraGrantUnrestricted, SendAsPath.RbacCustomScope], members.Find(CleanTenant.ApprovedSender)!.Reasons.Select(r => r.Path));
        Assert.Equal([SendAsPath.EntraGrantUnrestricted], members.Find("alice@contoso.example")!.Reasons.Select(r => r.Path));
        Assert.Equal([1, 1, 2], members.Select(m => m.Reasons.Count));
    }

    [Fact]
    public void DenyAccess_members_are_neither_listed_nor_answered_for()
    {
        var tenant = new CleanTenant();
        tenant.Policies[0] = tenant.Policies[0] with { AccessRight = AccessRight.DenyAccess };
        var members = ScopeOf(tenant).Mailboxes;

        Assert.Equal(2, members.Count);
        Assert.False(members.Contains(CleanTenant.ApprovedSender));
        Assert.Equal(SendAsPath.EntraGrantDenyAccess, Assert.Single(members.Find("bob@contoso.example")!.Reasons).Path);
        Assert.Throws<ArgumentOutOfRangeException>(() => members[2]);
    }

    [Fact]
    public void Two_apps_sharing_one_management_scope_each_get_its_matches_and_their_own_reason()
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.AddApp("aaaaaaaa-0000-4000-8000-000000000007", "sp-7", "Second mailer", []);
        tenant.RbacAssignments.Add(tenant.RbacAssignments[0] with { Id = "ra-7", RoleName = "Application Mail Full Access", PrincipalObjectId = "sp-7" });

        var first = ScopeOf(tenant).Mailboxes;
        var second = ScopeOf(tenant, "aaaaaaaa-0000-4000-8000-000000000007").Mailboxes;

        Assert.Equal([CleanTenant.ApprovedSender], first.Select(m => m.MailboxAddress));
        Assert.Equal([CleanTenant.ApprovedSender], second.Select(m => m.MailboxAddress));
        Assert.Contains("'Application Mail Full Access'", Assert.Single(second[0].Reasons).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mailbox_collected_twice_is_one_member()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Clear();
        tenant.Mailboxes.Add(tenant.Mailboxes[1] with { PrimarySmtpAddress = "ALICE@contoso.example" });

        Assert.Equal(Everyone, ScopeOf(tenant).Mailboxes.Select(m => m.MailboxAddress));
    }

    [Fact]
    public void A_scope_built_from_a_list_answers_for_its_entries_regardless_of_case()
    {
        ScopeEntry entry = new("Payroll@contoso.example", null, [new(SendAsPath.RbacCustomScope, "scope")]);
        ScopeMembers members = [entry];

        Assert.Same(entry, members.Find("payroll@CONTOSO.example"));
        Assert.False(members.Contains("bob@contoso.example"));
        Assert.Equal([entry], members);
    }

    /// <summary>Filters a large tenant's scopes use, answered from an index of property values: the same mailboxes as trying each.</summary>
    [Theory]
    [InlineData("PrimarySmtpAddress -eq 'ALICE@contoso.example'", "alice@contoso.example")]
    [InlineData("PrimarySmtpAddress -eq 'alice@contoso.example' -or Alias -eq 'bob'", "alice@contoso.example bob@contoso.example")]
    [InlineData("PrimarySmtpAddress -eq 'alice@contoso.example' -and RecipientTypeDetails -eq 'SharedMailbox'", "")]
    [InlineData("RecipientTypeDetails -eq 'usermailbox' -and -not (Alias -eq 'alice')", "bob@contoso.example")]
    [InlineData("EmailAddresses -eq 'bob@contoso.example'", "bob@contoso.example")]
    [InlineData("MemberOfGroup -eq 'payroll-senders@contoso.example' -or PrimarySmtpAddress -like 'b*'", "bob@contoso.example payroll@contoso.example")]
    [InlineData("Department -eq $null -and Alias -ne 'bob'", "alice@contoso.example payroll@contoso.example")]
    public void A_management_scope_matches_exactly_the_mailboxes_its_filter_selects(string filter, string expected)
    {
        var tenant = new CleanTenant();
        tenant.UseRbacModel();
        tenant.Scopes[0] = tenant.Scopes[0] with { RecipientFilter = filter };

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), ScopeOf(tenant).Mailboxes.Select(m => m.MailboxAddress));
    }
}
