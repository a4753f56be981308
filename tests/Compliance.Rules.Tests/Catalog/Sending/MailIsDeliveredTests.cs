using Compliance.Rules.Catalog.Sending;

namespace Compliance.Rules.Tests.Catalog.Sending;

public class MailIsDeliveredTests
{
    private readonly MailIsDelivered rule = new();

    private static CleanTenant WithUndelivered(int count, string status = "failed")
    {
        var tenant = new CleanTenant();
        var inPeriod = tenant.Messages.Where(m => m.ReceivedDateTime >= tenant.PeriodStart).Take(count).ToList();
        foreach (var message in inPeriod)
        {
            tenant.Messages[tenant.Messages.IndexOf(message)] = message with { Status = status };
        }

        return tenant;
    }

    [Fact]
    public void All_delivered_passes()
    {
        var result = new CleanTenant().Run(rule);
        Assert.Equal(1, result.Population);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Rate_boundary_is_inclusive()
    {
        // 27 days x 20 messages = 540 in the period; 5 % is 27.
        Assert.Empty(WithUndelivered(27).Run(rule).Findings);
        Assert.Single(WithUndelivered(28).Run(rule).Findings);
    }

    [Fact]
    public void Quarantined_counts_as_not_delivered()
    {
        Assert.Contains("quarantined", Assert.Single(WithUndelivered(100, "quarantined").Run(rule).Findings).Detail, StringComparison.Ordinal);
    }
}
