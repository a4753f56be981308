namespace Compliance.Reports.Facts;

/// <summary>Message trace of one sender address: how much it sent and how it was delivered.</summary>
internal sealed class SenderMailStats(string sender)
{
    public string Sender { get; } = sender;
    public long Messages { get; set; }
    public long Delivered { get; set; }
    public long Failed { get; set; }
    public long Other => Messages - Delivered - Failed;
    public long Recipients { get; set; }

    public double DeliveryRate => Messages == 0 ? 0 : (double)Delivered / Messages;
}
