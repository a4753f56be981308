using Compliance.Rules.Catalog.Mailboxes;

namespace Compliance.Rules.Tests.Catalog.Mailboxes;

public class MailboxAuditingOnTests
{
    private readonly MailboxAuditingOn rule = new();

    [Fact]
    public void Auditing_on_everywhere_passes()
    {
        Assert.Empty(new CleanTenant().Run(rule).Findings);
    }

    [Fact]
    public void Organisation_wide_off_is_one_finding()
    {
        var tenant = new CleanTenant { OrganizationConfig = new(AuditDisabled: true) };
        Assert.Equal("organization", Assert.Single(tenant.Run(rule).Findings).ResourceType);
    }

    [Fact]
    public void Auditing_off_on_an_in_scope_mailbox_is_reported_but_not_for_out_of_scope_ones()
    {
        var tenant = new CleanTenant();
        tenant.Mailboxes[0] = tenant.Mailboxes[0] with { AuditEnabled = false };
        tenant.Mailboxes[2] = tenant.Mailboxes[2] with { AuditEnabled = false }; // bob: outside every scope
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Equal(CleanTenant.ApprovedSender, finding.ResourceId);
    }
}
