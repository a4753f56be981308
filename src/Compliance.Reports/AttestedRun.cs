namespace Compliance.Reports;

/// <summary>The published run whose PDF `attest` fills in: what the page header, footer and attestation page show.</summary>
public sealed record AttestedRun(string Id, string Tenant, string Period, DateTimeOffset CompletedAt, string ChainHash);
