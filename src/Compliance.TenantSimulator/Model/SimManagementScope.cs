namespace Compliance.TenantSimulator.Model;

public sealed record SimManagementScope(string Id, string Name, string RecipientFilter, bool Exclusive, string DistinguishedName);
