namespace Compliance.Worker.Alerts;

/// <summary>What one pass over the outbox did.</summary>
public sealed record DeliveryResult(int Sent, int Retrying, int Failed)
{
    public override string ToString() => $"alerts sent {Sent}, retrying {Retrying}, failed {Failed}";
}
