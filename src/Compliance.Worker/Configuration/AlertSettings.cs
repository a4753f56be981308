namespace Compliance.Worker.Configuration;

public sealed class AlertSettings
{
    /// <summary>Our own shared mailbox, granted Mail.Send through Exchange RBAC scoped to itself only.</summary>
    public string? SenderMailbox { get; set; }

    public List<string> Recipients { get; set; } = [];

    public string MinimumSeverity { get; set; } = "high";
}
