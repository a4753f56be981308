namespace Compliance.TenantSimulator.Generation;

/// <summary>A credential an integration plan puts on its app registration or (a defect) on its service principal.</summary>
internal sealed record PlanCredential(string KeyId, bool IsCertificate, string DisplayName, DateTimeOffset Start, DateTimeOffset End, bool OnServicePrincipal = false);
