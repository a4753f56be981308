namespace Compliance.Reports;

/// <summary>A reviewer's sign-off as the attestation page prints it.</summary>
public sealed record AttestationPage(string Reviewer, string Statement, DateTimeOffset AttestedAt);
