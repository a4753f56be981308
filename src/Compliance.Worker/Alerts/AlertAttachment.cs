namespace Compliance.Worker.Alerts;

/// <summary>A file attached to an alert mail.</summary>
public sealed record AlertAttachment(string Name, string ContentType, byte[] Content);
