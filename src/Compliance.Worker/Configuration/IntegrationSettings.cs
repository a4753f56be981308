using Compliance.Rules.Policy;

namespace Compliance.Worker.Configuration;

/// <summary>One register entry as written in appsettings.json (Integrations:{tenant}:[n]).</summary>
public sealed class IntegrationSettings
{
    public string? Name { get; set; }

    public string? AppId { get; set; }

    public string? Vendor { get; set; }

    public string? BusinessFunction { get; set; }

    public string? Owner { get; set; }

    public string? Ticket { get; set; }

    public List<string> ApprovedSenders { get; set; } = [];

    public ExpectedCredentialType ExpectedCredentialType { get; set; } = ExpectedCredentialType.Certificate;

    public List<string> AllowedIpRanges { get; set; } = [];

    public Integration ToIntegration() =>
        new(Name!, AppId!, Vendor, BusinessFunction, Owner, Ticket, ApprovedSenders, ExpectedCredentialType, AllowedIpRanges);
}
