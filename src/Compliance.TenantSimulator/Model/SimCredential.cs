namespace Compliance.TenantSimulator.Model;

/// <summary>A password (secret) or key (certificate) credential on an application or service principal.</summary>
public sealed record SimCredential(string KeyId, bool IsCertificate, string? DisplayName, DateTimeOffset StartDateTime, DateTimeOffset EndDateTime);
