namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// The tenant's last attested review before the one being run (docs/tenant-fixture.md "previousReview"). Permissions
/// then are derived, not repeated: every grant and RBAC assignment created after <see cref="AttestedAt"/> did not exist
/// yet, and <see cref="RemovedGrants"/> existed then but are gone now.
/// </summary>
internal sealed class FixturePreviousReview
{
    public string AttestedAt { get; set; } = "";
    public string Reviewer { get; set; } = "";
    public string? Statement { get; set; }
    public List<FixtureRemovedGrant> RemovedGrants { get; set; } = [];
}
