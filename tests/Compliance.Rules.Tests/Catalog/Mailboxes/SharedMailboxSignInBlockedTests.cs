using Compliance.Rules.Catalog.Mailboxes;

namespace Compliance.Rules.Tests.Catalog.Mailboxes;

public class SharedMailboxSignInBlockedTests
{
    private readonly SharedMailboxSignInBlocked rule = new();

    [Fact]
    public void Blocked_shared_mailbox_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Enabled_account_of_an_approved_shared_mailbox_fails_with_the_command()
    {
        var tenant = new CleanTenant();
        tenant.Mailboxes[0] = tenant.Mailboxes[0] with { AccountEnabled = true };
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Equal(CleanTenant.ApprovedSender, finding.ResourceId);
        Assert.Equal($"Update-MgUser -UserId {CleanTenant.PayrollUserId} -AccountEnabled:$false", finding.Remediation);
    }

    [Fact]
    public void Unknown_account_state_is_undetermined_not_a_pass()
    {
        var tenant = new CleanTenant();
        tenant.Mailboxes[0] = tenant.Mailboxes[0] with { AccountEnabled = null };
        Assert.Single(tenant.Run(rule).Undetermined);
    }
}
