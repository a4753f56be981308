namespace Compliance.Rules.Review;

/// <summary>A reviewer's sign-off of a run, with the chain hash it extended.</summary>
public sealed record AttestationInfo(string RunId, string Reviewer, string Statement, DateTimeOffset AttestedAt, string ChainHash);
