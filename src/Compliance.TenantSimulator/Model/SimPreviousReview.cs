namespace Compliance.TenantSimulator.Model;

/// <summary>
/// The last attested review of a fixture tenant: when, by whom, and the tenant as it stood then (same objects and
/// activity; only application permissions differ). The demo records it in a fresh database before its first review.
/// </summary>
public sealed record SimPreviousReview(DateTimeOffset AttestedAt, string Reviewer, string? Statement, TenantFixture Tenant);
