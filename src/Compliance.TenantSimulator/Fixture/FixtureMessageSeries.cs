namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// Message trace rows from one sender: <see cref="PerDay"/> messages a day from <see cref="From"/> to <see cref="To"/>,
/// or <see cref="Count"/> messages on the day of <see cref="At"/>.
/// </summary>
internal sealed class FixtureMessageSeries
{
    public string Sender { get; set; } = "";
    public string? At { get; set; }
    public int Count { get; set; } = 1;
    public string? From { get; set; }
    public string? To { get; set; }
    public int PerDay { get; set; }
    /// <summary>Graph exchangeMessageTraceStatus: delivered, failed, pending, expanded, quarantined, filteredAsSpam, gettingStatus.</summary>
    public string Status { get; set; } = "delivered";
    public string Recipient { get; set; } = "customer@fabrikam.example";
    public string Subject { get; set; } = "Notification";
}
