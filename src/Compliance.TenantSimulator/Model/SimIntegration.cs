namespace Compliance.TenantSimulator.Model;

/// <summary>
/// One entry of the integration register that belongs to a generated tenant — the same fields as appsettings.json
/// Integrations:{tenant} (Compliance.Rules.Policy.Integration), so the composition root can map it one to one.
/// ExpectedCredentialType is "Secret" or "Certificate".
/// </summary>
public sealed record SimIntegration(
    string Name,
    string AppId,
    string? Vendor,
    string? BusinessFunction,
    string? Owner,
    string? Ticket,
    IReadOnlyList<string> ApprovedSenders,
    string ExpectedCredentialType,
    IReadOnlyList<string> AllowedIpRanges);
