namespace Compliance.TenantSimulator.Model;

public sealed record SimDelegatedGrant(string Id, string ClientId, string ConsentType, string? PrincipalId, string ResourceId, string Scope);
