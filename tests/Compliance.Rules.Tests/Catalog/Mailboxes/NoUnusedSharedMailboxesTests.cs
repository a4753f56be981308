using Compliance.Rules.Catalog.Mailboxes;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Tests.Catalog.Mailboxes;

public class NoUnusedSharedMailboxesTests
{
    private readonly NoUnusedSharedMailboxes rule = new();

    [Fact]
    public void Sender_with_recent_mail_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Approved_sender_with_no_mail_in_the_window_fails()
    {
        var tenant = new CleanTenant();
        tenant.Messages.Clear();
        Assert.Contains("sent nothing in the 90 days", Assert.Single(tenant.Run(rule).Findings).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Last_message_just_inside_or_outside_the_window()
    {
        var tenant = new CleanTenant();
        tenant.Messages.RemoveAll(m => m.ReceivedDateTime > CleanTenant.AsOf.AddDays(-40));
        Assert.Empty(tenant.Run(rule, new CompliancePolicy { UnusedMailboxDays = 41 }).Findings);
        Assert.Single(tenant.Run(rule, new CompliancePolicy { UnusedMailboxDays = 39 }).Findings);
    }

    [Fact]
    public void Trace_shorter_than_the_policy_window_is_not_evaluated()
    {
        var tenant = new CleanTenant { WindowStart = CleanTenant.AsOf.AddDays(-30) };
        Assert.Contains("needs 90 days", tenant.Run(rule).NotEvaluatedReason, StringComparison.Ordinal);
    }
}
