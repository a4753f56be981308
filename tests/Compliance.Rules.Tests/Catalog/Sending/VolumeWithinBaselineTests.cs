using Compliance.Rules.Catalog.Sending;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.Sending;

public class VolumeWithinBaselineTests
{
    private readonly VolumeWithinBaseline rule = new();

    private static CleanTenant WithExtraOnDay(int daysAgo, int extra)
    {
        var tenant = new CleanTenant();
        var day = CleanTenant.AsOf.AddDays(-daysAgo).AddHours(-3);
        for (var i = 0; i < extra; i++)
        {
            tenant.Messages.Add(new MessageTraceRecord($"x-{i}", day.AddSeconds(i), CleanTenant.ApprovedSender, "someone@example.net", "delivered", "?", 1));
        }

        return tenant;
    }

    [Fact]
    public void Steady_volume_passes()
    {
        Assert.Empty(new CleanTenant().Run(rule).Findings);
    }

    [Fact]
    public void Day_at_exactly_three_times_the_median_passes_one_more_fails()
    {
        Assert.Empty(WithExtraOnDay(3, 40).Run(rule).Findings);   // 60 = 3 x 20
        var finding = Assert.Single(WithExtraOnDay(3, 41).Run(rule).Findings);
        Assert.Contains("61 (median 20)", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Spike_before_the_period_is_not_this_months_finding()
    {
        Assert.Empty(WithExtraOnDay(60, 500).Run(rule).Findings);
    }
}
