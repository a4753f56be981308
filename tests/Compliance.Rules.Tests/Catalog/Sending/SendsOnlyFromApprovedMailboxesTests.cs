using Compliance.Rules.Catalog.Sending;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Sending;

public class SendsOnlyFromApprovedMailboxesTests
{
    private readonly SendsOnlyFromApprovedMailboxes rule = new();

    [Fact]
    public void Sending_from_the_approved_mailbox_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void SendAs_from_an_unapproved_mailbox_is_critical()
    {
        var tenant = new CleanTenant();
        tenant.Audit.Add(new MailboxAuditRecord("a-9", CleanTenant.AsOf.AddDays(-1), "SendAs", "ceo@contoso.example", CleanTenant.AppId, null));
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Equal(Compliance.Rules.Engine.Severity.Critical, finding.Severity);
        Assert.Contains("ceo@contoso.example", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_send_operations_are_ignored()
    {
        var tenant = new CleanTenant();
        tenant.Audit.Add(new MailboxAuditRecord("a-9", CleanTenant.AsOf.AddDays(-1), "MailItemsAccessed", "ceo@contoso.example", CleanTenant.AppId, null));
        Assert.Empty(tenant.Run(rule).Findings);
    }
}
