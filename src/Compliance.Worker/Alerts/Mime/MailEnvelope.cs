namespace Compliance.Worker.Alerts.Mime;

/// <summary>The RFC 5322 header fields of one alert mail. <see cref="MessageId"/> is the value without angle brackets.</summary>
public sealed record MailEnvelope(string MessageId, DateTimeOffset Date, string From, IReadOnlyList<string> To, string Subject);
