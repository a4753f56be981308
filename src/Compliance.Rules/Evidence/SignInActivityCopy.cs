namespace Compliance.Rules.Evidence;

/// <summary>The stored copy of a tenant's sign-in activity report: its entries and when the read that made it began.</summary>
public sealed record SignInActivityCopy(DateTimeOffset ReadAt, IReadOnlyList<ServicePrincipalSignInActivity> Entries);
