namespace Compliance.TenantSimulator.Model;

public sealed record SimServicePrincipal(
    string ObjectId,
    string AppId,
    string DisplayName,
    string AppOwnerOrganizationId,
    IReadOnlyList<SimAppRole> AppRoles,
    IReadOnlyList<SimCredential> Credentials);
