namespace Compliance.Rules.Evidence;

/// <summary>
/// Where the sign-in activity report (Graph beta reports/servicePrincipalSignInActivities) is kept per tenant between
/// runs, so that a later run reads only the entries whose date moved since the last read and merges them by appId.
/// </summary>
public interface ISignInActivityStore
{
    /// <summary>The copy the last complete read left, or null when the tenant was never read.</summary>
    Task<SignInActivityCopy?> ReadAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a complete read in one transaction: its start time and the entries — all of them when
    /// <paramref name="replaceAll"/> (entries not listed are dropped), else only the changed ones, replaced by appId.
    /// </summary>
    Task SaveAsync(
        string tenantId, DateTimeOffset readAt, bool replaceAll, IReadOnlyCollection<ServicePrincipalSignInActivity> entries, CancellationToken cancellationToken);
}
