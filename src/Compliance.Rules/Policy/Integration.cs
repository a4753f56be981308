namespace Compliance.Rules.Policy;

/// <summary>One entry of the integration register (appsettings.json Integrations:{tenant}).</summary>
public sealed record Integration(
    string Name,
    string AppId,
    string? Vendor,
    string? BusinessFunction,
    string? Owner,
    string? Ticket,
    IReadOnlyList<string> ApprovedSenders,
    ExpectedCredentialType ExpectedCredentialType,
    IReadOnlyList<string> AllowedIpRanges);
