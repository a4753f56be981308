namespace Compliance.Worker.Alerts;

/// <summary>One sendMail attempt: accepted (202), transient (429/5xx/transport — retry after RetryAfter), or permanent.</summary>
public sealed record SendOutcome(bool Accepted, bool Transient, int? StatusCode, TimeSpan? RetryAfter, string Detail);
