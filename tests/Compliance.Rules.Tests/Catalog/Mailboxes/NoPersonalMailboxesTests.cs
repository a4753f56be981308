using Compliance.Rules.Catalog.Mailboxes;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Mailboxes;

public class NoPersonalMailboxesTests
{
    private readonly NoPersonalMailboxes rule = new();

    [Fact]
    public void Scope_of_shared_mailboxes_only_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Unrestricted_app_can_send_as_every_personal_mailbox()
    {
        var tenant = new CleanTenant();
        tenant.Policies.Clear();
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("2 personal mailbox(es): alice@contoso.example, bob@contoso.example", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Observed_send_from_a_personal_mailbox_is_reported_from_the_audit()
    {
        var tenant = new CleanTenant();
        tenant.Groups[0] = tenant.Groups[0] with { MemberUserIds = [CleanTenant.PayrollUserId] };
        tenant.Audit.Add(new MailboxAuditRecord("a-2", CleanTenant.AsOf.AddDays(-1), "SendAs", "bob@contoso.example", CleanTenant.AppId, null));
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains("sent from bob@contoso.example (mailbox audit)", finding.Detail, StringComparison.Ordinal);
    }
}
